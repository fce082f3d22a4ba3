// Custom Elements Manifest for editors, Storybook and README API tables. Built from the
// class JSDoc (@summary, @fires, @csspart, @cssprop, @slot, @cssstate, @tagname).
// Committed and rebuilt by `npm run build`, so the output must not vary between runs.
import { readFileSync } from 'node:fs';

/**
 * Events are documented with `@fires` on each class. The analyzer also guesses events from
 * `this.dispatchEvent(new X(arg))` calls; ours pass the name through a variable (the typed
 * `emit()` helper) or construct an Event subclass, so those guesses come out nameless or named
 * after the variable. Drop exactly those; literal names still get through.
 */
function dropGuessedEvents() {
  const guessed = new Map(); // class name -> names taken from a non-literal argument
  return {
    name: 'pts-drop-guessed-events',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'dispatchEvent') return;
      if (callee.expression.kind !== ts.SyntaxKind.ThisKeyword) return;
      const arg = node.arguments[0];
      const first = arg && ts.isNewExpression(arg) ? arg.arguments?.[0] : undefined;
      if (!first || ts.isStringLiteralLike(first)) return;
      let owner = node.parent;
      while (owner && !ts.isClassDeclaration(owner)) owner = owner.parent;
      const className = owner?.name?.text;
      if (!className || !ts.isIdentifier(first)) return;
      if (!guessed.has(className)) guessed.set(className, new Set());
      guessed.get(className).add(first.text);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const decl of moduleDoc.declarations ?? []) {
        if (!decl.events) continue;
        const names = guessed.get(decl.name);
        decl.events = decl.events.filter((e) => e.name && !(names?.has(e.name) && !e.description));
        if (decl.events.length === 0) delete decl.events;
      }
    },
  };
}

/**
 * Each element declares its default tag twice: `static tag` (what `define()` uses) and
 * `@tagname` (what the analyzer reads, since registration happens in a helper it cannot
 * follow). Fail the run when they drift apart.
 */
function tagMatchesStaticTag() {
  return {
    name: 'pts-tag-matches-static-tag',
    packageLinkPhase({ customElementsManifest }) {
      const problems = [];
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          const own = decl.members?.find((m) => m.static && m.name === 'tag');
          const value = own?.default?.replace(/^['"`]|['"`]$/g, '');
          if (!value) continue;
          if (decl.tagName !== value) problems.push(`${decl.name}: static tag '${value}', @tagname '${decl.tagName ?? ''}'`);
        }
      }
      if (problems.length) throw new Error(`tag mismatch\n${problems.join('\n')}`);
    },
  };
}

/**
 * The convention is that every part, event, custom state and slot an element's template or
 * code uses is documented on its class. Compare the source with what the JSDoc declared and
 * fail on any difference, so the manifest cannot quietly fall behind the code. An element's
 * source is every file in its folder: the root's controllers and later steps live beside it.
 */
function docsMatchCode() {
  const sources = new Map();
  const uniq = (list) => [...new Set(list)].sort();
  const all = (text, re) => [...text.matchAll(re)].map((x) => x[1] ?? '');
  return {
    name: 'pts-docs-match-code',
    analyzePhase({ ts, node }) {
      if (ts.isSourceFile(node)) sources.set(node.fileName, node.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      const decls = customElementsManifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => ({ mod, d })));
      // Public events are Event subclasses with a static `eventName`.
      const eventNames = new Map();
      for (const { d } of decls) {
        const field = d.members?.find((m) => m.static && m.name === 'eventName');
        if (field?.default) eventNames.set(d.name, field.default.replace(/^['"`]|['"`]$/g, ''));
      }
      const problems = [];
      for (const { mod, d } of decls) {
        if (!d.tagName) continue;
        const folder = mod.path.slice(0, mod.path.lastIndexOf('/') + 1);
        const text = [...sources].filter(([file]) => file.startsWith(folder)).map(([, source]) => source).join('\n');
        const own = (list) => uniq((list ?? []).filter((x) => !x.inheritedFrom).map((x) => x.name));
        const code = {
          csspart: uniq([...all(text, /\spart="([a-z-]+)"/g), ...all(text, /\bpart: '([a-z-]+)'/g)]),
          fires: uniq([...all(text, /\bemit\('([a-z-]+)'/g), ...all(text, /\bnew (\w+Event)\(/g).map((c) => eventNames.get(c)).filter(Boolean)]),
          cssstate: uniq(all(text, /setCustomState\('([a-z-]+)'/g)),
          slot: uniq(all(text, /<slot(?:\s+name="([a-z-]+)")?/g)),
        };
        const documented = { csspart: own(d.cssParts), fires: own(d.events), cssstate: own(d.cssStates), slot: own(d.slots) };
        for (const [tag, used] of Object.entries(code)) {
          const missing = used.filter((x) => !documented[tag].includes(x));
          const stale = documented[tag].filter((x) => !used.includes(x));
          if (missing.length) problems.push(`${d.tagName}: @${tag} missing for ${missing.map((x) => x || '(default)').join(', ')}`);
          if (stale.length) problems.push(`${d.tagName}: @${tag} documented but unused: ${stale.map((x) => x || '(default)').join(', ')}`);
        }
        for (const e of d.events ?? []) if (!e.type?.text) problems.push(`${d.tagName}: @fires ${e.name} has no {type}`);
      }
      if (problems.length) throw new Error(`JSDoc does not match the code\n${problems.join('\n')}`);
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  // Styles and the message catalog hold no element API; leaving them out keeps the manifest small.
  exclude: ['src/**/*.styles.ts', 'src/elements/base/styles.ts', 'src/elements/messages/**'],
  outdir: '.',
  litelement: true,
  dev: false,
  watch: false,
  packagejson: true,
  // Glob results follow directory order, which differs between file systems: sort them so a
  // fresh checkout in CI lists the modules in the same order as the committed file.
  overrideModuleCreation({ ts, globs }) {
    return [...globs].sort().map((file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2015, true));
  },
  plugins: [dropGuessedEvents(), tagMatchesStaticTag(), docsMatchCode()],
};
