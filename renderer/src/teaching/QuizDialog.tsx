/** Quiz dialog (issue 6). Placeholder until implemented. */
export function QuizDialog(_props: { onClose: () => void }) {
  return null;
}
