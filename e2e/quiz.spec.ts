import { readFileSync } from 'node:fs';
import { QUIZ } from '../app/teaching/quiz';
import { test, expect } from './support/fixtures';

const correctIndex = (i: number) => QUIZ[i]?.choices.findIndex((c) => c.correct) ?? -1;
const wrongIndex = (i: number) => QUIZ[i]?.choices.findIndex((c) => !c.correct) ?? -1;

test('answering with the mouse shows explanations, and the score follows right and wrong answers', async ({ k, page }) => {
  await k.open({ lang: 'en' });
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('quiz-open').click();
  const quiz = page.getByTestId('quiz');
  await expect(quiz.getByTestId('quiz-progress')).toHaveText(`Question 1 of ${QUIZ.length}`);

  for (let i = 0; i < QUIZ.length; i++) {
    const q = QUIZ[i];
    if (!q) throw new Error('missing question');
    await expect(quiz.getByTestId('quiz-question')).toHaveAttribute('data-question', q.id);
    await expect(quiz.getByTestId('quiz-explanation')).toHaveCount(0);
    await expect(quiz.getByTestId('quiz-next')).toBeDisabled();
    // The first two questions answered wrongly, every other one rightly.
    const pick = i < 2 ? wrongIndex(i) : correctIndex(i);
    await quiz.getByTestId('quiz-choice').nth(pick).click();
    const explanation = quiz.getByTestId('quiz-explanation');
    await expect(explanation).toContainText(q.explanation.en);
    await expect(quiz.getByTestId('quiz-verdict')).toHaveAttribute('data-correct', String(i >= 2));
    await expect(quiz.getByTestId('quiz-choice').nth(correctIndex(i))).toHaveAttribute('data-state', 'correct');
    if (i < 2) await expect(quiz.getByTestId('quiz-choice').nth(pick)).toHaveAttribute('data-state', 'wrong');
    // One answer per question.
    await expect(quiz.getByTestId('quiz-choice').first()).toBeDisabled();
    await quiz.getByTestId('quiz-next').click();
  }

  const score = quiz.getByTestId('quiz-score');
  await expect(score).toHaveAttribute('data-score', String(QUIZ.length - 2));
  await expect(score).toHaveText(`You scored ${QUIZ.length - 2} of ${QUIZ.length}`);
  await expect(quiz.locator('[data-testid="quiz-review"][data-correct="false"]')).toHaveCount(2);

  // Retry starts over; all right this time, answered from the keyboard.
  await quiz.getByTestId('quiz-retry').click();
  await expect(quiz.getByTestId('quiz-progress')).toHaveText(`Question 1 of ${QUIZ.length}`);
  for (let i = 0; i < QUIZ.length; i++) {
    await expect(quiz.getByTestId('quiz-question')).toHaveAttribute('data-question', QUIZ[i]?.id ?? '');
    await page.keyboard.press(String(correctIndex(i) + 1));
    await expect(quiz.getByTestId('quiz-verdict')).toHaveAttribute('data-correct', 'true');
    await page.keyboard.press('Enter');
  }
  await expect(quiz.getByTestId('quiz-score')).toHaveAttribute('data-score', String(QUIZ.length));
  await expect(quiz.locator('[data-testid="quiz-review"][data-correct="false"]')).toHaveCount(0);
});

test('a question links to its components and frames them in the open diagram, in Japanese', async ({ k, page }) => {
  await k.open({ lang: 'ja' });
  await k.load(JSON.parse(readFileSync('assets/examples/web-app.kumozu.json', 'utf8')));
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('quiz-open').click();
  const quiz = page.getByTestId('quiz');
  await expect(quiz.getByTestId('quiz-progress')).toHaveText(`第 1 問 / 全 ${QUIZ.length} 問`);
  const first = QUIZ[0];
  if (!first) throw new Error('no questions');
  await expect(quiz.getByTestId('quiz-question')).toHaveText(first.question.ja);
  await expect(quiz.getByTestId('quiz-kind')).toHaveCount(first.kinds.length);
  await expect(quiz.locator('[data-testid="quiz-kind"][data-kind="eksControlPlane"]')).toContainText('EKS コントロールプレーン');

  // The example has one control plane in one AWS-managed account.
  const doc = await k.doc();
  const ids = doc.nodes.filter((n) => first.kinds.includes(n.kind)).map((n) => n.id);
  expect(ids.length).toBeGreaterThan(0);
  await quiz.getByTestId('quiz-choice').nth(wrongIndex(0)).click();
  await expect(quiz.getByTestId('quiz-verdict')).toHaveText('不正解');
  await quiz.getByTestId('quiz-frame').click();
  await expect(quiz).toHaveCount(0);
  for (const id of ids) await expect(k.node(id)).toHaveClass(/selected/);

  // Progress is kept while the learner looks at the diagram.
  await page.getByTestId('teach-menu').click();
  await page.getByTestId('quiz-open').click();
  await expect(page.getByTestId('quiz').getByTestId('quiz-explanation')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quiz')).toHaveCount(0);
});
