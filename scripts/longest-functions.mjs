// Prints the longest functions of src/ (lines from signature to closing brace), longest first:
// `node scripts/longest-functions.mjs [N]`. Used to report the house-order issue's before/after.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const count = Number(process.argv[2]) || 10;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) yield p;
  }
}

const rows = [];
for (const file of files(join(ROOT, 'src'))) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const name = node.name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : ts.isPropertyAssignment(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
      rows.push({ lines: last - first + 1, where: `${relative(ROOT, file)}:${first + 1}`, name });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
rows.sort((a, b) => b.lines - a.lines || a.where.localeCompare(b.where));
for (const r of rows.slice(0, count)) console.log(`${String(r.lines).padStart(4)}  ${r.name}  ${r.where}`);
