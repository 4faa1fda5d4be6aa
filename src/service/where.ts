/** A WHERE clause built condition by condition, with its parameters numbered as they are added. */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** Adds a condition; `$` in it stands for the new parameter. A condition without `$` takes no parameter. */
  add(condition: string, value?: unknown): this {
    if (condition.includes('$') && !/\$\d/.test(condition)) {
      this.params.push(value);
      const p = `$${this.params.length}`;
      this.parts.push(condition.replace(/\$(?!\d)/g, () => p));
    } else this.parts.push(condition);
    return this;
  }

  /** Keeps rows whose `column` (a date) lies in `[from, to]`; either end may be absent. */
  dateRange(column: string, from: string | undefined, to: string | undefined): this {
    if (from) this.add(`${column} >= $::date`, from);
    if (to) this.add(`${column} <= $::date`, to);
    return this;
  }

  /** `WHERE …`, or '' when there is no condition. */
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }

  /** The next parameter's placeholder, for a value used outside the conditions (`= ANY($3)`). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  page(limit: number | undefined, offset: number | undefined, fallback = 50): string {
    this.params.push(limit ?? fallback, offset ?? 0);
    return `LIMIT $${this.params.length - 1} OFFSET $${this.params.length}`;
  }
}
