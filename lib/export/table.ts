import { z } from '../domain/zod';

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** A sheet's name as Excel takes it: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
export const SheetNameSchema = z
  .string()
  .min(1)
  .max(31)
  .refine((name) => !SHEET_NAME_FORBIDDEN.test(name) && !name.startsWith("'") && !name.endsWith("'"), {
    message: 'A sheet name may not hold : \\ / ? * [ ] nor start or end with an apostrophe',
  });

/** What a writer checks before it writes a table; the cells themselves are strings by their type. */
export const TableMetaSchema = z.object({
  name: SheetNameSchema,
  /** The header row, counted from 0; rows above it are titles or notes, rows below it data. */
  header: z.number().int().nonnegative(),
});

/** One sheet to export: every cell is text, as the layout wrote it (the CSV writer neutralises formulas, not layouts). */
export interface Table extends z.infer<typeof TableMetaSchema> {
  rows: string[][];
  /**
   * Columns whose cells Taitou itself computed as signed numbers (money, changes; never a customer's text): the CSV
   * writer leaves a cell there that is nothing but a number (-500.00, -12.5%) as it is, so a spreadsheet adds it up.
   */
  signed?: readonly number[];
}

/** A table's width: its longest row. */
export function tableWidth(table: Pick<Table, 'rows'>): number {
  return table.rows.reduce((width, row) => Math.max(width, row.length), 0);
}
