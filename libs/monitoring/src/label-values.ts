/**
 * Label values with few values, as Prometheus needs (every value is a time series): what does not have the
 * expected shape, or comes after `limit` distinct values, is counted as `other`. Nothing a caller chooses
 * freely (an operation name) can grow the series without bound.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly shape: RegExp,
    private readonly limit: number,
  ) {}

  of(value: string | undefined | null): string {
    if (!value || !this.shape.test(value)) return 'other';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(value);
    return value;
  }
}

export const partnerLabel = (): BoundedLabel => new BoundedLabel(/^[A-Z]{2}$/, 64);
export const msgTypeLabel = (): BoundedLabel => new BoundedLabel(/^[a-z][a-z0-9.-]{0,47}$/, 64);
export const codeLabel = (): BoundedLabel => new BoundedLabel(/^[A-Z][A-Z0-9_]{0,47}$/, 128);
