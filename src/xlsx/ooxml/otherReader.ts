/**
 * Thrown by the .xlsx reader on what it leaves to SheetJS rather than read differently: a
 * package that is not plain SpreadsheetML XML (.xlsb, UTF-16 parts), ISO dates stored as cell
 * values, references it cannot place. The workbook is then read by SheetJS whole.
 */
export class OtherReaderNeeded extends Error {}
