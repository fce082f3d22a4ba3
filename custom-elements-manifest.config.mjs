// Custom Elements Manifest for editors, Storybook and README API tables. Built from the
// class JSDoc (@summary, @fires, @csspart, @cssprop, @slot, @cssstate, @tagname).
// Committed and rebuilt by `npm run build`, so the output must not vary between runs.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from 'typescript';

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
  /**
   * The shared parts (button, input, card, notice…) follow from the control classes
   * (`base/parts.ts`), not from a part attribute: documented, they count as used.
   */
  const documentedShared = (d) => {
    const table = [...sources].find(([file]) => file.endsWith('elements/base/parts.ts'))?.[1] ?? '';
    const shared = [...table.matchAll(/\['[^']*', \[([^\]]*)\]\]/g)].flatMap((m) => [...m[1].matchAll(/'([a-z-]+)'/g)].map((x) => x[1]));
    return (d.cssParts ?? []).map((p) => p.name).filter((name) => shared.includes(name));
  };
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
        // A part attribute may name several parts; the root also shows every part its sub-elements export.
        const partsIn = (source) => [...all(source, /\spart="([a-z -]+)"/g), ...all(source, /\bpart: '([a-z-]+)'/g)].flatMap((p) => p.split(/\s+/));
        const exported = d.tagName === 'provider-target-setup' ? [...sources].filter(([file]) => file.includes('elements/')).flatMap(([, source]) => partsIn(source)) : [];
        const code = {
          csspart: uniq(partsIn(text)),
          fires: uniq([...all(text, /\bemit\('([a-z-]+)'/g), ...all(text, /\bnew (\w+Event)\(/g).map((c) => eventNames.get(c)).filter(Boolean)]),
          cssstate: uniq(all(text, /setCustomState\('([a-z-]+)'/g)),
          slot: uniq(all(text, /<slot(?:\s+name="([a-z-]+)")?/g)),
        };
        const documented = { csspart: own(d.cssParts), fires: own(d.events), cssstate: own(d.cssStates), slot: own(d.slots) };
        // Documented on the root, a sub-element's part or a shared part is not stale; it is not required either.
        const alsoShown = { csspart: [...exported, ...documentedShared(d)] };
        for (const [tag, used] of Object.entries(code)) {
          const missing = used.filter((x) => !documented[tag].includes(x));
          const stale = documented[tag].filter((x) => !used.includes(x) && !(alsoShown[tag] ?? []).includes(x));
          if (missing.length) problems.push(`${d.tagName}: @${tag} missing for ${missing.map((x) => x || '(default)').join(', ')}`);
          if (stale.length) problems.push(`${d.tagName}: @${tag} documented but unused: ${stale.map((x) => x || '(default)').join(', ')}`);
        }
        for (const e of d.events ?? []) if (!e.type?.text) problems.push(`${d.tagName}: @fires ${e.name} has no {type}`);
      }
      if (problems.length) throw new Error(`JSDoc does not match the code\n${problems.join('\n')}`);
    },
  };
}

/**
 * The analyzer describes source files, which are not shipped. Rewrite the manifest in terms of
 * the package's built entries: every declaration the main entry exports moves to
 * `dist/index.js` (internal ones are dropped, and references to them keep only their name), and
 * `dist/define.js` gets a `custom-element-definition` export per tag, since importing it
 * registers them all. Which names an entry exports is asked of the TypeScript checker, so
 * re-exports and moved files need no list here.
 */
function publicEntryPaths({ main = ['src/index.ts', 'dist/index.js'], define = ['src/define.ts', 'dist/define.js'] } = {}) {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const ts = typescript;
  /** `path#declaredName` -> exported name, for the runtime exports of `entry`. */
  function exportsOf(program, entry) {
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the exports of ${entry}`);
    const out = new Map();
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const decl of target.declarations ?? []) {
        out.set(`${relative(root, decl.getSourceFile().fileName)}#${target.name}`, exported.name);
      }
    }
    return out;
  }
  return {
    name: 'pts-public-entry-paths',
    packageLinkPhase({ customElementsManifest: cem }) {
      const { config } = ts.readConfigFile(`${root}tsconfig.json`, ts.sys.readFile);
      const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
      const program = ts.createProgram([main[0], define[0]], { ...options, noEmit: true });
      const mainExports = exportsOf(program, main[0]);
      const defineExports = exportsOf(program, define[0]);

      const declarations = [];
      const jsExports = [];
      for (const mod of cem.modules) {
        for (const decl of mod.declarations ?? []) {
          const name = mainExports.get(`${mod.path}#${decl.name}`);
          if (!name) continue;
          declarations.push(decl);
          jsExports.push({ kind: 'js', name, declaration: { name: decl.name, module: main[1] } });
        }
      }
      const kept = new Set(declarations.map((d) => d.name));
      const relink = (node) => {
        if (Array.isArray(node)) return node.forEach(relink);
        if (!node || typeof node !== 'object') return;
        if (typeof node.module === 'string' && typeof node.name === 'string' && !node.package) {
          if (kept.has(node.name)) node.module = main[1];
          else delete node.module;
        }
        Object.values(node).forEach(relink);
      };
      relink(declarations);

      const definitions = declarations
        .filter((d) => d.customElement && d.tagName)
        .map((d) => ({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: main[1] } }));
      const defineJs = [];
      for (const decl of declarations) {
        for (const [key, name] of defineExports) {
          if (key.endsWith(`#${decl.name}`)) defineJs.push({ kind: 'js', name, declaration: { name: decl.name, module: main[1] } });
        }
      }
      cem.modules = [
        { kind: 'javascript-module', path: main[1], declarations, exports: jsExports },
        { kind: 'javascript-module', path: define[1], declarations: [], exports: [...defineJs, ...definitions] },
      ];
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
  // publicEntryPaths last: the checks above read the source paths.
  plugins: [dropGuessedEvents(), tagMatchesStaticTag(), docsMatchCode(), publicEntryPaths()],
};
