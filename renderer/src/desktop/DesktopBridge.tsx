import type { ActionContext } from '../actions/actions';

/** Desktop shell integration: menus, conflicts, drafts (issue 5). Renders nothing in the web edition. */
export function DesktopBridge(_props: { ctx: ActionContext }) {
  return null;
}
