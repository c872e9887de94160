import type { Text } from '../../../app/model/types';

/** The teaching panels' own words, in both languages. */
export const TT = {
  exercisesTitle: { en: 'Guided exercises', ja: 'ガイド付き演習' },
  exercisesIntro: {
    en: 'Each exercise opens a diagram with a design problem. Fix it on the canvas: the goals tick as the checker agrees.',
    ja: '各演習は設計上の問題を含む構成図を開きます。キャンバスで直すと、チェッカーが認めた目標にチェックが付きます。',
  },
  close: { en: 'Close', ja: '閉じる' },
  start: { en: 'Start', ja: '開始' },
  learn: { en: 'You will learn', ja: '学べること' },
  goals: { en: 'Goals', ja: '目標' },
  progress: { en: '{done} of {total} goals met', ja: '目標 {total} 件中 {done} 件を達成' },
  hint: { en: 'Hint', ja: 'ヒント' },
  hideHint: { en: 'Hide hint', ja: 'ヒントを隠す' },
  done: { en: 'Done', ja: '達成' },
  notYet: { en: 'Not yet', ja: '未達成' },
  complete: { en: 'Exercise complete', ja: '演習クリア' },
  completeLead: { en: 'Every goal is met. Why this design works:', ja: 'すべての目標を達成しました。この設計が適切な理由:' },
  showSolution: { en: 'Show solution', ja: '解答例を表示' },
  restart: { en: 'Start over', ja: '最初からやり直す' },
  allExercises: { en: 'All exercises', ja: '演習の一覧' },
  confirmSolution: {
    en: 'Replace the diagram with the reference solution? Your changes to it will be lost.',
    ja: '構成図を解答例に置き換えますか？ この構成図への変更は失われます。',
  },
  confirmRestart: { en: 'Start the exercise over from its starting diagram? Your changes will be lost.', ja: '演習を最初の構成図からやり直しますか？ 変更は失われます。' },
  loadFailed: { en: 'The exercise diagram could not be loaded.', ja: '演習の構成図を読み込めませんでした。' },
  solutionShown: { en: 'Showing the reference solution. Compare it with your attempt, or start over.', ja: '解答例を表示しています。自分の解答と比べるか、やり直してください。' },
  notChecked: { en: 'Checking…', ja: 'チェック中…' },
  topics: { en: 'Rules involved', ja: '関係するルール' },
  // Quiz
  quizTitle: { en: 'EKS quiz', ja: 'EKS クイズ' },
  questionOf: { en: 'Question {n} of {total}', ja: '第 {n} 問 / 全 {total} 問' },
  correct: { en: 'Correct', ja: '正解' },
  incorrect: { en: 'Not quite', ja: '不正解' },
  next: { en: 'Next question', ja: '次の問題' },
  finish: { en: 'See the score', ja: '結果を見る' },
  source: { en: 'Source', ja: '出典' },
  about: { en: 'About', ja: '関係するコンポーネント' },
  showInDiagram: { en: 'Show in diagram ({count})', ja: '構成図で表示（{count}）' },
  notInDiagram: { en: 'Not in the open diagram', ja: '開いている構成図にはありません' },
  score: { en: 'You scored {score} of {total}', ja: '{total} 問中 {score} 問正解' },
  perfect: { en: 'Perfect: every answer right.', ja: '全問正解です。' },
  good: { en: 'Well done. Review the questions you missed below.', ja: 'よくできました。間違えた問題を下で復習しましょう。' },
  review: { en: 'Keep going: read the explanations of the questions you missed, then try again.', ja: '間違えた問題の解説を読んでから、もう一度挑戦しましょう。' },
  retry: { en: 'Try again', ja: 'もう一度' },
  yourAnswer: { en: 'Your answer', ja: 'あなたの解答' },
  rightAnswer: { en: 'Right answer', ja: '正解' },
  keysHint: { en: 'Keys 1–4 answer, Enter goes on.', ja: '1〜4 キーで解答、Enter で次へ。' },
} satisfies Record<string, Text>;

/** Fills `{name}` placeholders: the UI's one `format`, under this module's name. */
export { format as fill } from '../i18n/messages';
