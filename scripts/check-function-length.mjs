#!/usr/bin/env node
// Fails when a function in the given C++ sources is longer than the limit (default 80 lines, from
// the first line of its signature to its closing brace), so a long function is split into named
// steps when it is written, not in a later clean-up (issue #11). Usage:
//   node scripts/check-function-length.mjs [--max N] FILE_OR_DIR...
// Prints one line per function over the limit, the longest few for context, and a final
// "N passed, N failed" line that ./scripts/test counts (one case per file checked).
//
// It reads C++ the way a brace-matching tokenizer can: comments, string and character literals
// are blanked first; then each "{" at namespace or class scope opens a function body when the text
// before it ends in a parameter list (optionally followed by const, noexcept, override, a trailing
// return type or a constructor's initializer list). Lambdas and blocks inside a function count
// toward that function. It is not a parser; src/core is written so that this reading is right.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(path) {
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .sort()
      .flatMap((name) => sources(join(path, name)));
  return /\.(cpp|h|hpp|cc)$/.test(path) ? [path] : [];
}

// Comments, strings and character literals become spaces (newlines kept, so line numbers hold).
export function blank(text) {
  let out = '';
  let i = 0;
  const keepNewlines = (s) => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    let end = -1;
    if (c === '/' && next === '/') {
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
    } else if (c === '/' && next === '*') {
      end = text.indexOf('*/', i + 2);
      end = end < 0 ? text.length : end + 2;
    } else if (c === 'R' && next === '"' && !/\w/.test(text[i - 1] ?? '')) {
      const open = text.indexOf('(', i);
      const delimiter = text.slice(i + 2, open);
      end = text.indexOf(`)${delimiter}"`, open);
      end = end < 0 ? text.length : end + delimiter.length + 2;
    } else if (c === '"' || (c === "'" && !/[0-9a-fA-F]/.test(text[i - 1] ?? ''))) {
      // A quote after a hex digit is a digit separator (1'000), not a character literal.
      end = i + 1;
      while (end < text.length && text[end] !== c && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      end += 1;
    }
    if (end > i) {
      out += keepNewlines(text.slice(i, end));
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

// A "{" opens a function body when the text before it (since the previous ; { or }) ends in a
// parameter list, possibly followed by qualifiers, a trailing return type or an initializer list.
function opensFunction(header) {
  const h = header.replace(/\s+/g, ' ').trim();
  if (!h || /^(namespace|struct|class|union|enum|extern)\b/.test(h) || /(^|[^=!<>])=$/.test(h)) return false;
  if (/^(template ?<.*> ?)?(struct|class|union)\b/.test(h) && !/\)/.test(h)) return false;
  const qualifiers = /(\s*(const|noexcept|override|final|mutable|volatile|&|&&))*\s*(->\s*[\w:<>,\s*&]+)?$/;
  const tail = h.replace(qualifiers, '');
  if (tail.endsWith(')')) return true;
  // Constructor with an initializer list: "Name(args) : a_(x), b_(y)".
  return /\)\s*:\s*[\w:]+\s*\(/.test(h);
}

export function functionLengths(text) {
  const code = blank(text);
  const found = [];
  const stack = []; // 'scope' or { start line, name } for a function body
  let headerStart = 0;
  let line = 1;
  let headerLine = 1;
  let pendingHeaderLine = true;
  let parens = 0; // open "(" in the current declaration: a "{}" there is a default argument
  for (let i = 0; i < code.length; ++i) {
    const c = code[i];
    if (c === '\n') {
      line += 1;
      continue;
    }
    if (pendingHeaderLine && !/\s/.test(c)) {
      headerLine = line;
      pendingHeaderLine = false;
    }
    const inFunction = stack.some((s) => s !== 'scope' && s !== 'argument');
    if (!inFunction && (c === '(' || c === ')')) parens += c === '(' ? 1 : -1;
    if (c === '{' && !inFunction && parens > 0) stack.push('argument');
    else if (c === '}' && stack[stack.length - 1] === 'argument') stack.pop();
    else if (c === '{') {
      if (inFunction) stack.push('block');
      else {
        const header = code.slice(headerStart, i);
        if (opensFunction(header)) {
          // The name is what stands before the parameter list: the first "(" of the declaration.
          const beforeParams = header.slice(0, header.indexOf('(')).trim();
          const name = (beforeParams.match(/(operator\s*\S+|[~\w:]+)$/) ?? [, '?'])[1];
          stack.push({ start: headerLine, name });
        } else stack.push('scope');
      }
      headerStart = i + 1;
      pendingHeaderLine = true;
      parens = 0;
    } else if (c === '}') {
      const top = stack.pop();
      if (top && typeof top === 'object') found.push({ name: top.name, start: top.start, lines: line - top.start + 1 });
      headerStart = i + 1;
      pendingHeaderLine = true;
    } else if (c === ';' && !inFunction) {
      headerStart = i + 1;
      pendingHeaderLine = true;
      parens = 0;
    } else if (c === '#' && !inFunction) {
      // A preprocessor line is not part of the next declaration.
      const end = code.indexOf('\n', i);
      i = (end < 0 ? code.length : end) - 1;
      headerStart = i + 1;
      pendingHeaderLine = true;
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  let max = 80;
  const roots = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--max') max = Number(args[++i]);
    else roots.push(args[i]);
  }
  if (!roots.length || !(max > 0)) {
    console.error('usage: check-function-length.mjs [--max N] FILE_OR_DIR...');
    process.exit(2);
  }
  let passed = 0;
  let failed = 0;
  const all = [];
  for (const file of roots.flatMap(sources)) {
    const lengths = functionLengths(readFileSync(file, 'utf8')).map((f) => ({ ...f, file }));
    all.push(...lengths);
    const long = lengths.filter((f) => f.lines > max);
    for (const f of long) console.log(`${f.file}:${f.start}: ${f.name} is ${f.lines} lines (limit ${max})`);
    if (long.length) failed += 1;
    else passed += 1;
  }
  all.sort((x, y) => y.lines - x.lines);
  console.log(`longest: ${all.slice(0, 5).map((f) => `${f.name} ${f.lines}`).join(', ')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
