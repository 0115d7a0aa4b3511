// The ids of the extension's commands, as package.json's `contributes.commands` lists them. No `vscode`
// import: a unit test holds package.json to this list, and commands.ts maps each id to its handler.
export const COMMANDS = {
  check: 'sourcecheck.checkCurrentDraft',
  openReference: 'sourcecheck.openReference',
  addReference: 'sourcecheck.addReference',
  showReport: 'sourcecheck.showReport',
  fixAll: 'sourcecheck.fixAllSafe',
  applyFix: 'sourcecheck.applyFix',
  /** Run by a report row's link: reveal that line of a draft the report lists. */
  revealReportLine: 'sourcecheck.revealReportLine',
  /** Run by the quick fix of a `no-text` note: attach a file to a bibliography entry. */
  attachFile: 'sourcecheck.attachFile',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
