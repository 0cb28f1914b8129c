import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

const KB_PATH = resolve(__dirname, 'assets/kb.json');
const LEXICON_PATH = resolve(__dirname, 'src/lang/data/lexicon.json');

// The bundled KB is built from assets/corpus by `npm run kb:bundled` before
// vite runs. A missing KB fails the build loudly: never ship an empty one.
function bundledKb(): Plugin {
  return {
    name: 'claimlens-bundled-kb',
    buildStart() {
      if (!existsSync(KB_PATH)) {
        this.error('assets/kb.json is missing: run `npm run kb:bundled` (npm run build does it) to build the KB from assets/corpus.');
      }
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'kb.json', source: readFileSync(KB_PATH) });
      // The language layer's data: fetched by the worker from the package, kept out of its code.
      // Gzipped (8 MB of JSON → under 5 MB): a store linter refuses to parse text files of 5 MB or more,
      // and the worker inflates it with the browser's own DecompressionStream.
      this.emitFile({ type: 'asset', fileName: 'lexicon.json.gz', source: gzipSync(readFileSync(LEXICON_PATH), { level: 9 }) });
    },
  };
}

// compromise builds its lexicon when its module is evaluated: about 300 ms, in
// a service worker that starts for every message after an idle stop, and
// that cannot import() a module later. The worker needs compromise only to
// build KB entries from a page the reader adds; matching never calls it. So
// in the extension build, `import nlp from 'compromise'` gets compromise's own
// UMD bundle wrapped in a function that runs on the first call. (Tests and
// the CLI import the package as it is.)
function lazyCompromise(): Plugin {
  const id = '\0claimlens-lazy-compromise';
  const umd = resolve(__dirname, 'node_modules/compromise/builds/three/compromise-three.cjs');
  return {
    name: 'claimlens-lazy-compromise',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === 'compromise' ? id : null;
    },
    load(moduleId) {
      if (moduleId !== id) return null;
      const source = readFileSync(umd, 'utf8');
      if (!source.startsWith('!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?module.exports=t()')) {
        this.error(`${umd} is no longer the UMD bundle lazyCompromise() expects: check the new compromise version`);
      }
      return [
        'let loaded;',
        'function load() {',
        '  if (!loaded) {',
        '    const module = { exports: {} };',
        `    (function (module, exports, define) {\n${source}\n}).call(globalThis, module, module.exports, undefined);`,
        '    loaded = module.exports;',
        '  }',
        '  return loaded;',
        '}',
        // The default export behaves as compromise's nlp: a call, and its methods (nlp.model(), nlp.plugin()).
        'const nlp = new Proxy(() => undefined, {',
        '  apply: (_target, self, args) => Reflect.apply(load(), self, args),',
        // (Methods are bound to compromise itself, as when called on the real module.)
        '  get: (_target, key) => { const v = Reflect.get(load(), key); return typeof v === "function" ? v.bind(load()) : v; },',
        '});',
        'export default nlp;',
      ].join('\n');
    },
  };
}

// Claimlens renders every KB and note string as text. Preact's only HTML
// sink (dangerouslySetInnerHTML) is compiled out, so no page or KB string can
// ever reach innerHTML, and web-ext lint has no unsafe assignment to report.
function noHtmlSink(): Plugin {
  const sink = /\(\s*(\w+)\.innerHTML\s*=\s*(\w+)\.__html\s*\)/g;
  const off = '(()=>{throw new Error("Claimlens: HTML rendering is disabled")})()';
  return {
    name: 'claimlens-no-html-sink',
    // On the final bundle: crxjs builds the standalone content script in a
    // sub-build without our plugins and emits it here.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk') file.code = file.code.replace(sink, off);
          else if (typeof file.source === 'string' && file.fileName.endsWith('.js')) file.source = file.source.replace(sink, off);
        }
      },
    },
  };
}

// Readability (the content script's article extraction, "Add this page to the
// knowledge base") restores its working copy between attempts with
// `el.innerHTML = html`. Those assignments are routed through an inert
// DOMParser parse instead, so no HTML string is ever assigned to innerHTML in
// what ships (and web-ext lint has nothing to report). The build fails if
// Readability is bundled and the pattern is no longer found (a new version).
function readabilityWithoutInnerHtml(): Plugin {
  const marker = '_attempts.push({articleContent';
  const assign = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*(?:\.innerHTML)?)(?=[,;)}])/g;
  const helper =
    'function __claimlensSetHtml(e,h){var d=new DOMParser().parseFromString("<!doctype html><body>"+h,"text/html");e.replaceChildren.apply(e,Array.from(e.ownerDocument.importNode(d.body,!0).childNodes))}\n';
  const rewrite = (code: string, file: string): string => {
    if (!code.includes(marker)) return code;
    let n = 0;
    const out = code.replace(assign, (_m, el: string, html: string) => (n++, `__claimlensSetHtml(${el},${html})`));
    if (n === 0) throw new Error(`${file}: Readability's innerHTML assignments were not found; update readabilityWithoutInnerHtml()`);
    return helper + out;
  };
  return {
    name: 'claimlens-readability-without-innerhtml',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk') file.code = rewrite(file.code, file.fileName);
          else if (typeof file.source === 'string' && file.fileName.endsWith('.js')) file.source = rewrite(file.source, file.fileName);
        }
      },
    },
  };
}

// One source tree; the Firefox differences live here.
function firefoxManifest(): ManifestV3Export {
  const m = structuredClone(baseManifest) as Record<string, unknown>;
  m.background = { scripts: ['src/background/index.ts'], type: 'module' };
  m.browser_specific_settings = {
    gecko: {
      id: 'claimlens@claimlens.invalid',
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    },
  };
  return m as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      lazyCompromise(),
      noHtmlSink(),
      readabilityWithoutInnerHtml(),
      bundledKb(),
      crx({
        manifest: firefox ? firefoxManifest() : (baseManifest as unknown as ManifestV3Export),
        browser: firefox ? 'firefox' : 'chrome',
        // One self-contained content script: no loader chunks in
        // web_accessible_resources that would let any page detect Claimlens.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // Extension pages load their modules from the package; the preload
      // polyfill would only add a fetch() call to the bundle.
      modulePreload: { polyfill: false },
      sourcemap: false,
      minify: true,
      // The service worker carries the NLP lexicon (compromise): ~650 kB, read
      // from disk at each worker start (and evaluated only when first used), never over the network.
      chunkSizeWarningLimit: 1024,
      // The worker imports the KB pipeline's text entry point (ingestText), not
      // its HTML one: linkedom and Readability, side-effect free, stay out of it.
      // The private note frame is an extension page no manifest key names as
      // a page (only web_accessible_resources lists it): built as an input.
      rolldownOptions: { input: { 'note-frame': resolve(__dirname, 'src/frame/note-frame.html') }, treeshake: { moduleSideEffects: (id: string) => !/node_modules[\\/](?:linkedom|@mozilla[\\/]readability)[\\/]/.test(id) } },
    },
    server: { cors: { origin: [/chrome-extension:\/\//] } },
    legacy: {},
  };
});
