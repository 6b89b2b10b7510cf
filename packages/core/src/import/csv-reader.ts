/**
 * RFC 4180 CSV, read incrementally: text goes in as it arrives (a whole body, or a file a chunk
 * at a time) and whole records come out, each with the line it started on. Quoted fields may
 * hold commas, doubled quotes and line breaks; CRLF and LF both end a record.
 */
export interface CsvRecord {
  /** The line the record starts on, from 1. */
  line: number;
  fields: string[];
}

export class CsvReader {
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Inside quotes, a quote was just read: either the end of the quotes or the first of a doubled one. */
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private fieldStarted = false;

  push(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) this.read(chunk[i]!, records);
    return records;
  }

  /** The last record, when the text did not end with a line break. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.quoteSeen) {
      this.quoted = false;
      this.quoteSeen = false;
    }
    if (this.fieldStarted || this.fields.length > 0) this.endRecord(records);
    return records;
  }

  private read(c: string, records: CsvRecord[]): void {
    if (this.quoted) {
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (c === '"') {
          this.field += '"';
          return;
        }
        this.quoted = false;
      } else {
        if (c === '"') this.quoteSeen = true;
        else {
          if (c === '\n') this.line++;
          this.field += c;
        }
        return;
      }
    }
    if (c === '"' && this.field === '') {
      this.quoted = true;
      this.fieldStarted = true;
    } else if (c === ',') {
      this.fields.push(this.field);
      this.field = '';
      this.fieldStarted = true;
    } else if (c === '\n') {
      this.endRecord(records);
      this.line++;
      this.recordLine = this.line;
    } else if (c !== '\r') {
      this.field += c;
      this.fieldStarted = true;
    }
  }

  private endRecord(records: CsvRecord[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.fields[0] === '' && !this.fieldStarted;
    if (!blank) records.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.fieldStarted = false;
  }
}

/** A whole text's records. */
export function readCsv(text: string): CsvRecord[] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}
