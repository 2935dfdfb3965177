/**
 * The "Governance" tree: documents grouped by body and type, the resolutions under each
 * set of minutes, the milestones under each timeline, and one node listing overdue and
 * upcoming actions and milestones across the workspace, and under each body its action register
 * (the actions still open after its later meetings). Every leaf reveals its source line.
 */
import * as vscode from 'vscode';
import type { DocumentNode, InForceNode, LspRange, RegisterActionNode, RegisterBodyNode } from '../protocol/requests.js';
import type { FuzzyDate, MilestoneStatus } from '../core/model.js';
import type { DocumentsStore } from './documents.js';
import { typeLabel } from './status.js';

type Node =
  | { kind: 'body'; body: string }
  | { kind: 'type'; body: string; type: string }
  | { kind: 'document'; doc: DocumentNode }
  | { kind: 'resolution'; uri: string; label: string; range: LspRange }
  | { kind: 'milestone'; uri: string; title: string; date: FuzzyDate; status?: MilestoneStatus; overdue?: boolean; range: LspRange }
  | { kind: 'agenda' }
  | { kind: 'due'; which: 'overdue' | 'upcoming' }
  | { kind: 'dated'; item: Dated }
  | { kind: 'register'; register: RegisterBodyNode }
  | { kind: 'inForce'; terms: InForceNode }
  | { kind: 'registerAction'; action: RegisterActionNode };

/** An action or a milestone with a date, for the workspace-wide list. */
interface Dated {
  what: 'action' | 'milestone' | 'review';
  uri: string;
  text: string;
  date: FuzzyDate;
  overdue: boolean;
  range: LspRange;
  source: string;
}

const NO_BODY = '(no body)';

export class GovernanceTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: DocumentsStore) {
    store.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    const docs = this.store.documents;
    if (!node) {
      const bodies = [...new Set(docs.map((d) => d.body ?? NO_BODY))].sort(byText);
      return [{ kind: 'agenda' }, ...bodies.map((body): Node => ({ kind: 'body', body }))];
    }
    switch (node.kind) {
      case 'body': {
        const types = [...new Set(docs.filter((d) => (d.body ?? NO_BODY) === node.body).map((d) => d.type))]
          .sort(byText)
          .map((type): Node => ({ kind: 'type', body: node.body, type }));
        const registers = this.store.register.filter((r) => (r.body ?? NO_BODY) === node.body).map((register): Node => ({ kind: 'register', register }));
        const inForce = this.store.inForce.filter((t) => t.body === node.body).map((terms): Node => ({ kind: 'inForce', terms }));
        return [...inForce, ...registers, ...types];
      }
      case 'register':
        return node.register.open.map((action) => ({ kind: 'registerAction', action }));
      case 'type':
        return docs
          .filter((d) => (d.body ?? NO_BODY) === node.body && d.type === node.type)
          .sort((a, b) => byText(b.date ?? '', a.date ?? '') || byText(a.title, b.title))
          .map((doc) => ({ kind: 'document', doc }));
      case 'document':
        if (node.doc.resolutions.length > 0) {
          return node.doc.resolutions.map((r) => ({
            kind: 'resolution',
            uri: node.doc.uri,
            label: r.identifier ? `${r.identifier} ${r.text}` : r.text,
            range: r.range,
          }));
        }
        return node.doc.milestones.map((m) => ({ kind: 'milestone', uri: node.doc.uri, ...m }));
      case 'agenda':
        return [
          { kind: 'due', which: 'overdue' },
          { kind: 'due', which: 'upcoming' },
        ];
      case 'due':
        return this.dated(node.which).map((item) => ({ kind: 'dated', item }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'agenda': {
        const item = new vscode.TreeItem('Actions and milestones', C.Expanded);
        item.iconPath = new vscode.ThemeIcon('checklist');
        return item;
      }
      case 'due': {
        const count = this.dated(node.which).length;
        const item = new vscode.TreeItem(node.which === 'overdue' ? 'Overdue' : 'Upcoming', count ? C.Collapsed : C.None);
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(node.which === 'overdue' ? 'warning' : 'calendar');
        return item;
      }
      case 'dated': {
        const { item: d } = node;
        const item = leaf(d.text, d.uri, d.range);
        item.description = `${d.date.text} · ${d.source}`;
        item.iconPath = new vscode.ThemeIcon(d.what === 'action' ? 'person' : d.what === 'review' ? 'history' : 'milestone');
        item.tooltip = `${d.what === 'action' ? 'Action' : d.what === 'review' ? 'Review' : 'Milestone'} — ${d.date.text}${d.overdue ? ' (overdue)' : ''}\n${d.source}`;
        return item;
      }
      case 'register': {
        const { register: r } = node;
        const label = r.body !== undefined ? 'Action register' : `Action register: ${r.name}`;
        const item = new vscode.TreeItem(label, r.open.length ? C.Collapsed : C.None);
        item.description = [`${r.counts.open} open`, r.counts.overdue ? `${r.counts.overdue} overdue` : '', `${r.counts.done} done`].filter(Boolean).join(' · ');
        item.tooltip = `${r.name}: ${r.counts.actions} action${r.counts.actions === 1 ? '' : 's'} in its minutes, followed from meeting to meeting — ${r.counts.open} open (${r.counts.overdue} overdue), ${r.counts.done} done, ${r.counts.dropped} dropped`;
        item.iconPath = new vscode.ThemeIcon('tasklist');
        return item;
      }
      case 'inForce': {
        const { terms: t } = node;
        if (t.conflicting) {
          const item = leaf(`In force: ${t.conflicting.length} sets of terms of reference`, t.uri, t.range);
          item.description = 'none supersedes the others';
          item.tooltip = `${t.body} has ${t.conflicting.length} sets of terms of reference in force today and none names the others in \`supersedes:\`, so minutes without \`terms:\` cannot be checked against them: ${t.conflicting.join(', ')}`;
          item.iconPath = new vscode.ThemeIcon('warning');
          return item;
        }
        const item = leaf(`In force: ${t.title}`, t.uri, t.range);
        item.description = [t.from ? `since ${t.from}` : '', t.quorum ? `quorum ${t.quorum}` : '', t.votingSeats !== undefined ? `${t.votingSeats} voting places` : ''].filter(Boolean).join(' · ');
        item.tooltip = `The terms of reference of ${t.body} in force today${t.id ? ` (${t.id})` : ''}${t.from ? `, since ${t.from}` : ''}${t.quorum ? `\nQuorum: ${t.quorum}` : ''}\nMinutes of meetings today are checked against these; \`govmark as-at --date D\` answers for another day.`;
        item.iconPath = new vscode.ThemeIcon('law');
        return item;
      }
      case 'registerAction': {
        const { action: a } = node;
        const label = `${a.ref ? `${a.ref} ` : ''}${a.owner ? `${a.owner}: ` : ''}${a.text}`;
        const item = leaf(label, a.uri, a.range);
        item.description = [a.due ? `due ${a.due}` : '', a.overdueSince ? 'overdue' : '', a.last ?? (a.given ? `given ${a.given}` : '')].filter(Boolean).join(' · ');
        item.tooltip = [label, a.given ? `Given at the meeting of ${a.given}` : '', a.due ? `Due ${a.due}${a.overdueSince ? `; overdue since ${a.overdueSince}` : ''}` : '', a.last ? `Last meeting: ${a.last}` : ''].filter(Boolean).join('\n');
        item.iconPath = new vscode.ThemeIcon(a.overdueSince ? 'warning' : 'circle-large-outline');
        return item;
      }
      case 'body': {
        const item = new vscode.TreeItem(node.body, C.Expanded);
        item.iconPath = new vscode.ThemeIcon('organization');
        return item;
      }
      case 'type': {
        const count = this.getChildren(node).length;
        const item = new vscode.TreeItem(typeLabel(node.type), C.Collapsed);
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(typeIcon(node.type));
        return item;
      }
      case 'document': {
        const { doc } = node;
        const hasChildren = doc.resolutions.length > 0 || doc.milestones.length > 0;
        const item = new vscode.TreeItem(doc.title, hasChildren ? C.Collapsed : C.None);
        item.id = `doc:${doc.uri}`;
        item.resourceUri = vscode.Uri.parse(doc.uri);
        item.description = [doc.date, problems(doc)].filter(Boolean).join(' · ');
        item.tooltip = `${typeLabel(doc.type)}${doc.id ? ` · ${doc.id}` : ''}\n${vscode.Uri.parse(doc.uri).fsPath}`;
        item.iconPath = new vscode.ThemeIcon(typeIcon(doc.type));
        item.command = revealCommand(doc.uri, doc.range);
        item.contextValue = `govmark.document.${doc.type}`;
        return item;
      }
      case 'resolution': {
        const item = leaf(node.label, node.uri, node.range);
        item.iconPath = new vscode.ThemeIcon('law');
        return item;
      }
      case 'milestone': {
        const item = leaf(node.title, node.uri, node.range);
        item.description = `${node.date.text}${node.status ? ` · ${node.status}` : ''}${node.overdue ? ' · overdue' : ''}`;
        item.iconPath = new vscode.ThemeIcon(node.status === 'done' ? 'pass' : node.overdue ? 'warning' : 'milestone');
        return item;
      }
    }
  }

  /** Reviews, actions and open milestones across the workspace, by date; overdue as the server marks them (core/overdue.ts). */
  private dated(which: 'overdue' | 'upcoming'): Dated[] {
    const today = this.store.today;
    const all: Dated[] = [];
    for (const doc of this.store.documents) {
      if (doc.review) all.push({ what: 'review', uri: doc.uri, text: `Review of ${doc.title}`, date: doc.review.date, overdue: !!doc.review.overdue, range: doc.review.range, source: doc.title });
      for (const a of doc.actions) {
        if (a.due) all.push({ what: 'action', uri: doc.uri, text: a.owner ? `${a.owner}: ${a.text}` : a.text, date: a.due, overdue: !!a.overdue, range: a.range, source: doc.title });
      }
      for (const m of doc.milestones) {
        if (m.status === 'done' || m.status === 'cancelled') continue;
        all.push({ what: 'milestone', uri: doc.uri, text: m.title, date: m.date, overdue: !!m.overdue, range: m.range, source: doc.title });
      }
    }
    const chosen =
      which === 'overdue'
        ? all.filter((d) => d.overdue)
        : all.filter((d) => !d.overdue && (d.date.end ?? d.date.start ?? '') >= today);
    return chosen.sort((a, b) => byText(a.date.start ?? '~', b.date.start ?? '~'));
  }
}

function leaf(label: string, uri: string, range: LspRange): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.command = revealCommand(uri, range);
  item.tooltip = label;
  return item;
}

function revealCommand(uri: string, range: LspRange): vscode.Command {
  return { command: 'govmark.reveal', title: 'Reveal in editor', arguments: [uri, range] };
}

function problems(doc: DocumentNode): string {
  const { errors, warnings } = doc.problems;
  if (errors + warnings === 0) return '';
  return [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : '']
    .filter(Boolean)
    .join(', ');
}

function typeIcon(type: string): string {
  return { 'terms-of-reference': 'book', minutes: 'note', agenda: 'list-ordered', resolution: 'law', timeline: 'calendar' }[type] ?? 'file';
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
