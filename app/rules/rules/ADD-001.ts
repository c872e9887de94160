import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { notesA, t, ug } from '../text';
import type { RawFinding } from '../types';

const CORE: ReadonlySet<string> = new Set(['vpc-cni', 'coredns', 'kube-proxy']);
const HOW = new Map([
  ['selfManaged', t('as a self-managed copy', 'セルフマネージド型')],
  ['helm', t('with Helm', ' Helm ')],
]);

export const ADD_001: Rule = {
  id: 'ADD-001',
  severity: 'info',
  category: 'add-ons',
  phase: 1,
  title: t('Core add-ons installed self-managed', 'コアアドオンがセルフマネージド型でインストールされている'),
  message: t(
    '{addon} ({type}) is installed {how}; run it as an EKS add-on for AWS-validated, one-step updates.',
    '{addon}（{type}）は{how}でインストールされています。EKS アドオンにすれば、AWS が検証したバージョンにワンステップで更新できます。',
  ),
  why: t(
    'The console installs these three as EKS add-ons, and eksctl does too when given a config file; other tools install self-managed copies that you upgrade by hand. Notes A warn that every piece of ecosystem software adds upgrade work.',
    'コンソールはこの 3 つを EKS アドオンとしてインストールし、eksctl も設定ファイルを渡せば同じようにします。ほかのツールではセルフマネージド型でインストールされ、更新は手作業になります。学習ノート A も、エコシステムのソフトウェアを使うほどバージョンアップ対応の運用が増えると注意しています。',
  ),
  fix: t('Convert them to EKS add-ons.', 'EKS アドオンに切り替えてください。'),
  sources: [
    notesA('クラスター作成', 'cluster creation'),
    notesA('エコシステムやEKSアドオンのデプロイ', 'deploying ecosystem software and EKS add-ons'),
    ug('eks-add-ons', 'Considerations'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const a of view.ofKind('addon')) {
      const type = view.str(a, 'addonType');
      const how = HOW.get(view.str(a, 'installMethod'));
      if (CORE.has(type) && how) out.push(finding([a], { params: { addon: view.name(a), type, how } }));
    }
    return out;
  },
  quickFix(f, view) {
    const a = nodeAt(view, f, 0);
    return a ? setPropFix(a, 'installMethod', 'eksAddon') : null;
  },
};
