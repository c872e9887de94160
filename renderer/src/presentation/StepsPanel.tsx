/** Presentation step editor (issue 6). Placeholder until implemented. */
export function StepsPanel(_props: { onClose: () => void }) {
  return null;
}
