// custom-elements.json (written by `npm run build` from the JSDoc) documents every tag: its
// attributes, events, CSS parts and custom properties, each with a description.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface Documented {
  name: string;
  description?: string;
}
interface Declaration extends Documented {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Documented[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
  members?: (Documented & { kind: string; privacy?: string; static?: boolean })[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

const manifestPath = 'packages/elements/custom-elements.json';
/** The candidate widget's tags; any other tag in the package (the HR report) gets the same checks. */
const TAGS = ['ai-interview-exit', 'aie-exit-button', 'aie-exit-link', 'aie-exit-dialog', 'aie-reason-form', 'aie-verify-code', 'aie-help-offer', 'aie-intent-nudge', 'aie-exit-result', 'aie-resume-prompt', 'aie-exit-report'];

describe('custom-elements.json', () => {
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const elements = new Map(manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, { ...d, path: m.path }] as const)));
  const definitions = manifest.modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name);

  it('lists every tag, each defined in define/', () => {
    for (const tag of TAGS) {
      assert.ok(elements.has(tag), `${tag} is not in the manifest`);
      assert.ok(definitions.includes(tag), `${tag} is not defined in define/`);
    }
  });

  for (const tag of new Set([...TAGS, ...elements.keys()])) {
    describe(tag, () => {
      const element = elements.get(tag) ?? ({ name: tag, kind: 'class', path: '' } as Declaration & { path: string });
      const described = (what: string, items: Documented[] | undefined) => {
        for (const item of items ?? []) assert.ok(item.description?.trim(), `${tag}: ${what} ${item.name} has no description`);
      };

      // What the source declares, so that a check over an empty list is one the source agrees with.
      const source = element.path ? readFileSync(join('packages/elements', element.path), 'utf8') : '';

      it('has a description', () => assert.ok(element.description?.trim()));
      it('describes its attributes, exactly those its properties declare', () => {
        assert.deepEqual((element.attributes ?? []).map((a) => a.name).sort(), declaredAttributes(source).sort(), `${tag}: attributes`);
        described('attribute', element.attributes);
      });
      it('describes its public properties', () => {
        const properties = element.members?.filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');
        assert.ok(properties?.length, `${tag} has no public properties`);
        described('property', properties);
      });
      it('describes its events, if it fires any', () => {
        assert.equal(!!element.events?.length, source.includes('dispatchEvent('), `${tag}: events documented ⇔ events dispatched`);
        for (const event of element.events ?? []) assert.match(event.name, /^aie-[a-z-]+$/, `${tag}: event ${event.name}`);
        described('event', element.events);
      });
      it('names and describes its CSS parts', () => {
        assert.ok(element.cssParts?.length, `${tag} has no CSS parts`);
        described('part', element.cssParts);
      });
      it('describes the custom properties it reads', () => {
        assert.ok(element.cssProperties?.length, `${tag} has no custom properties`);
        for (const property of element.cssProperties!) assert.match(property.name, /^--aie-[a-z-]+$/);
        described('custom property', element.cssProperties);
      });
      it('documents only parts its templates render', () => {
        // the widget re-exports the parts of everything inside it
        const folder = join('packages/elements', element.path, '..');
        const files = tag === 'ai-interview-exit' || tag === 'aie-exit-dialog' ? sourcesUnder('packages/elements/src/components') : sourcesUnder(folder);
        const source = files.map((file) => readFileSync(file, 'utf8')).join('\n');
        assert.ok(element.cssParts?.length, `${tag} has no CSS parts`);
        for (const part of element.cssParts) {
          assert.match(source, new RegExp(`part="(?:[\\w-]+ )*${part.name}(?: [\\w-]+)*"`), `${tag}: part ${part.name} is documented but never rendered`);
        }
      });
    });
  }

  it('documents the widget’s attributes, events, parts and tokens', () => {
    const widget = elements.get('ai-interview-exit')!;
    const names = (items: Documented[] | undefined) => (items ?? []).map((item) => item.name);
    assert.deepEqual(names(widget.attributes).sort(), ['candidate-ref', 'interview-id', 'job-type', 'locale', 'placement', 'stage', 'voice']);
    assert.deepEqual(names(widget.events).sort(), [
      'aie-deletion-complete', 'aie-deletion-request', 'aie-error', 'aie-exit-cancel', 'aie-exit-complete', 'aie-exit-confirm', 'aie-exit-queued', 'aie-exit-request', 'aie-intent', 'aie-resume',
    ]);
    for (const part of ['button', 'icon', 'label', 'tooltip', 'dialog', 'panel', 'title', 'message', 'confirm-button', 'cancel-button']) {
      assert.ok(names(widget.cssParts).includes(part), `part ${part}`);
    }
    for (const token of ['--aie-color-danger', '--aie-color-neutral', '--aie-color-surface', '--aie-color-text', '--aie-color-focus', '--aie-font-family', '--aie-color-scheme']) {
      assert.ok(names(widget.cssProperties).includes(token), `token ${token}`);
    }
    for (const property of ['config', 'adapter', 'progress', 'messages', 'store', 'i18n']) {
      assert.ok(widget.members?.some((m) => m.name === property && m.description), `property ${property}`);
    }
    for (const method of ['open', 'setProgress']) {
      assert.ok(widget.members?.some((m) => m.kind === 'method' && m.name === method && m.description), `method ${method}`);
    }
    assert.deepEqual(names(elements.get('aie-exit-link')!.attributes), ['for']);
  });

  it('documents every token that the styles read', () => {
    const styles = sourcesUnder('packages/elements/src').map((file) => readFileSync(file, 'utf8')).join('\n');
    const read = new Set(styles.match(/--aie-[a-z-]+/g));
    assert.ok(read.size >= 10, `tokens read by the styles: ${[...read].join(', ')}`);
    const documented = new Set([...elements.values()].flatMap((e) => (e.cssProperties ?? []).map((p) => p.name)));
    for (const token of read) assert.ok(documented.has(token), `${token} is read but not documented`);
  });
});

/**
 * The attributes an element's `static properties` declare: each property unless `attribute: false`,
 * under its `attribute` name, else its own name in lower case (Lit's rule).
 */
function declaredAttributes(source: string): string[] {
  const block = /static override properties: PropertyDeclarations = \{([\s\S]*?)\n?\s*\};/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/(\w+): \{([^{}]*)\}/g)].flatMap(([, name, options]) => {
    if (/attribute: false/.test(options!)) return [];
    return [/attribute: '([^']+)'/.exec(options!)?.[1] ?? name!.toLowerCase()];
  });
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}
