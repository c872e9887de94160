/** Full-screen presenter (issue 6). Placeholder until implemented. */
export function Presenter(_props: { onExit: () => void }) {
  return null;
}
