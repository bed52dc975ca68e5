/** What every record a `CrudPage` lists and a `CrudForm` edits has. */
export interface NamedRecord {
  id: string;
  name: string;
}
