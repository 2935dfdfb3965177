/**
 * What `activate` returns (`extensions.getExtension('govmark.govmark').exports`): the parts
 * other extensions and the end-to-end suite may look at.
 */
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DocumentsStore } from './documents.js';
import type { TimelinePreview } from './preview.js';
import type { GovernanceTree } from './tree.js';

export interface GovmarkApi {
  client: LanguageClient;
  documents: DocumentsStore;
  tree: GovernanceTree;
  preview: TimelinePreview;
}
