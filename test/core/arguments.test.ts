/**
 * A wrong argument to a public function is a TypeError that names the function
 * and says what it expected, thrown at the call (not a crash deep inside).
 */
import assert from 'node:assert/strict';
import { analyse, checkDocument, checkWorkspace, combine, createIndex, parse, parseFuzzyDate, resolveConfig, Workspace } from '../../src/index.js';

const fails = (fn: () => unknown, message: string) => assert.throws(fn, (e: unknown) => e instanceof TypeError && e.message === message, message);

describe('public functions given the wrong arguments', () => {
  const config = resolveConfig();

  it('parse says it wants the Markdown as a string', () => {
    fails(() => parse(undefined as never), "parse: `text` must be a string (the document's Markdown), not undefined");
    fails(() => parse(Buffer.from('# x') as never), "parse: `text` must be a string (the document's Markdown), not an object (Buffer)");
    fails(() => parse(42 as never), "parse: `text` must be a string (the document's Markdown), not a number");
    fails(() => parse('# x', 'file:///x.md' as never), 'parse: `options` must be an object (or left out), not a string');
    assert.equal(parse('# x', undefined).text, '# x');
  });

  it('analyse and combine say what they want', () => {
    fails(() => analyse(null as never), "analyse: `text` must be a string (the document's Markdown), not null");
    fails(() => analyse('# x', { config: {} as never }), 'analyse: `options.config` must be a resolved configuration (from resolveConfig() or loadConfig()), not an object (Object)');
    fails(() => combine({} as never, createIndex([]), config), 'combine: `local` must be a Map of document URI to its messages, not an object (Object)');
  });

  it('Workspace says what it wants', () => {
    fails(() => new Workspace({ rules: {} } as never), 'new Workspace: `config` must be a resolved configuration (from resolveConfig() or loadConfig()), not an object (Object)');
    const ws = new Workspace(config);
    fails(() => ws.set('file:///a.md', undefined as never), "Workspace.set: `text` must be a string (the document's Markdown), not undefined");
    fails(() => ws.set(new URL('file:///a.md') as never, '# x'), "Workspace.set: `uri` must be a string (the document's URI), not an object (URL)");
    fails(() => ws.set('file:///a.md', '# x', [] as never), 'Workspace.set: `options` must be an object (or left out), not an array');
  });

  it('the rule runners and resolveConfig say what they want', () => {
    fails(() => checkDocument('# x' as never, config), 'checkDocument: `doc` must be a document from parse(), not a string');
    fails(() => checkDocument(parse('# x'), undefined as never), 'checkDocument: `config` must be a resolved configuration (from resolveConfig() or loadConfig()), not undefined');
    fails(() => checkWorkspace([] as never, config), 'checkWorkspace: `index` must be a workspace index (from createIndex() or Workspace.index()), not an array');
    fails(() => resolveConfig('strict' as never), 'resolveConfig: `partial` must be an object (or left out), not a string');
  });

  it('parseFuzzyDate says it wants the date as written', () => {
    fails(() => parseFuzzyDate(new Date() as never), 'parseFuzzyDate: `text` must be a string (the date as written), not an object (Date)');
    fails(() => parseFuzzyDate(undefined as never), 'parseFuzzyDate: `text` must be a string (the date as written), not undefined');
    assert.equal(parseFuzzyDate('March 2024')?.precision, 'month');
  });
});
