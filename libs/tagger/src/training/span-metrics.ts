/** Exact-match span scoring: a prediction counts only with the same start, end and type as gold. */

export interface TypeCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export class SpanScorer {
  readonly counts = new Map<string, TypeCounts>();

  constructor(types: readonly string[]) {
    for (const type of types)
      this.counts.set(type, { truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  }

  /** Spans as `start:end:type` keys; any offsets unit works as long as both sides use it. */
  add(gold: Iterable<[number, number, string]>, predicted: Iterable<[number, number, string]>): void {
    const goldKeys = new Set<string>();
    for (const [start, end, type] of gold) {
      goldKeys.add(`${start}:${end}:${type}`);
      this.get(type).falseNegatives += 1;
    }
    for (const [start, end, type] of predicted) {
      const counts = this.get(type);
      if (goldKeys.has(`${start}:${end}:${type}`)) {
        counts.truePositives += 1;
        counts.falseNegatives -= 1;
      } else counts.falsePositives += 1;
    }
  }

  scores(type: string): Scores {
    return toScores(this.get(type));
  }

  /** Micro-average over `types`. */
  micro(types: readonly string[]): Scores {
    const total: TypeCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    for (const type of types) {
      const counts = this.get(type);
      total.truePositives += counts.truePositives;
      total.falsePositives += counts.falsePositives;
      total.falseNegatives += counts.falseNegatives;
    }
    return toScores(total);
  }

  private get(type: string): TypeCounts {
    let counts = this.counts.get(type);
    if (counts === undefined) {
      counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
      this.counts.set(type, counts);
    }
    return counts;
  }
}

function toScores(counts: TypeCounts): Scores {
  const precision = counts.truePositives / Math.max(1, counts.truePositives + counts.falsePositives);
  const recall = counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** BIO tags → `[startToken, endToken, type]` spans (a stray I-X opens a span, as conlleval does). */
export function spansFromTags(tags: readonly string[]): [number, number, string][] {
  const spans: [number, number, string][] = [];
  let open: [number, number, string] | undefined;
  tags.forEach((tag, index) => {
    const type = tag === 'O' ? '' : tag.slice(2);
    const continues = tag.startsWith('I-') && open !== undefined && open[2] === type;
    if (!continues) {
      if (open !== undefined) spans.push(open);
      open = tag === 'O' ? undefined : [index, index + 1, type];
    } else if (open !== undefined) open[1] = index + 1;
  });
  if (open !== undefined) spans.push(open);
  return spans;
}
