export { MEDIA_TOPICS, mediaTopicLabel, type MediaTopicCode } from './media-topics';
export {
  classifyTopics,
  scoreTopics,
  selectTopics,
  DEFAULT_TOPIC_OPTIONS,
  type TopicAssignment,
  type TopicClassifierOptions,
} from './topic-classifier';
export { extractKeywords, type Keyword, type KeywordOptions } from './keyword-extractor';
