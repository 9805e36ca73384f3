import { NS, childElements, resolveUrl, type XmlElement } from './xml-document';

const IMAGE_EXTENSION = /\.(avif|gif|jpe?g|png|svg|webp)(\?|#|$)/i;

/** Media RSS: the first image `media:content` (also inside `media:group`), else the first `media:thumbnail`. */
export function readMediaImage(element: XmlElement, base: string | null): string | null {
  const containers = [element, ...childElements(element, NS.media, 'group')];
  const contents = containers.flatMap((container) => childElements(container, NS.media, 'content'));
  const image = contents.find(isImageContent);
  const thumbnail = containers.flatMap((container) => childElements(container, NS.media, 'thumbnail'))[0];
  const chosen = image ?? thumbnail;
  return chosen === undefined ? null : resolveUrl(chosen.attributes.url, chosen.base ?? base);
}

function isImageContent(content: XmlElement): boolean {
  const { medium, type, url } = content.attributes;
  if (medium !== undefined) return medium === 'image';
  if (type !== undefined) return type.toLowerCase().startsWith('image/');
  return url !== undefined && IMAGE_EXTENSION.test(url);
}
