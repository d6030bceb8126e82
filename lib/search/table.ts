/**
 * A column-major table of uint32 cells: column c of row i is `data[c * capacity + i]`. A scan
 * that tests one column over all rows then reads memory in sequence.
 */
export class ColumnTable {
  data = new Uint32Array(0);
  capacity = 0;
  rows = 0;

  constructor(readonly columns: number) {}

  /** Makes row `at` a new row of zeros, moving the rows from `at` on down by one. */
  insertRow(at: number): void {
    if (this.rows === this.capacity) this.resize(Math.max(64, this.capacity * 2));
    for (let c = 0; c < this.columns; c++) {
      const base = c * this.capacity;
      this.data.copyWithin(base + at + 1, base + at, base + this.rows);
      this.data[base + at] = 0;
    }
    this.rows++;
  }

  /** Removes row `at`, moving the rows after it up by one. */
  removeRow(at: number): void {
    for (let c = 0; c < this.columns; c++) {
      const base = c * this.capacity;
      this.data.copyWithin(base + at, base + at + 1, base + this.rows);
    }
    this.rows--;
  }

  /** Room for `capacity` rows, keeping the current ones. */
  resize(capacity: number): void {
    const data = new Uint32Array(this.columns * capacity);
    for (let c = 0; c < this.columns; c++) {
      data.set(this.data.subarray(c * this.capacity, c * this.capacity + this.rows), c * capacity);
    }
    this.data = data;
    this.capacity = capacity;
  }

  /** Appends rows of zeros (for building). */
  appendRows(count: number): void {
    if (this.rows + count > this.capacity) this.resize(this.rows + count);
    this.rows += count;
  }
}
