import { compareMinor, minor } from '../cidr';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, notesB, t, ug, web } from '../text';
import type { RawFinding, Severity } from '../types';

/** From 1.28, EKS envelope-encrypts all API data with an AWS-owned key by default. */
const DEFAULT_ENCRYPTION = [1, 28] as const;

export const SEC_004: Rule = {
  id: 'SEC-004',
  severity: 'warning',
  category: 'security',
  phase: 1,
  title: t('Secrets not encrypted with your own KMS key', 'Secret が自分の KMS キーで暗号化されていない'),
  message: t(
    "Kubernetes Secrets of {cluster} aren't envelope-encrypted with a KMS key you control.",
    '{cluster}の Kubernetes Secret は、お客様が管理する KMS キーでエンベロープ暗号化されていません。',
  ),
  why: t(
    'Before Kubernetes 1.28 on EKS, Secrets relied on volume-level encryption of etcd only. From 1.28, EKS envelope-encrypts all API data with an AWS-owned key; a customer managed key adds your own key policy, rotation and CloudTrail audit, and it is the kind of key EKS expects for this feature.',
    'EKS の Kubernetes 1.28 より前は、Secret の保護は etcd のボリューム単位の暗号化だけでした。1.28 以降は EKS がすべての API データを AWS 所有のキーでエンベロープ暗号化しますが、カスタマー管理キーを使えば、独自のキーポリシー、ローテーション、CloudTrail による監査が加わります。この機能で EKS が想定しているのもカスタマー管理キーです。',
  ),
  fix: t(
    'Add a customer managed KMS key and connect the control plane to it with encryptsSecretsWith.',
    'カスタマー管理の KMS キーを追加し、コントロールプレーンから encryptsSecretsWith（Secrets 暗号化）で接続してください。',
  ),
  sources: [
    notesB('4. セキュリティと認証・認可', 'security and authorisation, item データ暗号化 / data encryption'),
    bp('data-encryption-and-secrets-management'),
    ug('envelope-encryption'),
    web('https://docs.aws.amazon.com/eks/latest/eksctl/kms-encryption.html', 'eksctl: KMS envelope encryption for EKS clusters', 'eksctl: EKS クラスターの KMS エンベロープ暗号化'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const cp of view.controlPlanes()) {
      const v = minor(view.str(cp, 'kubernetesVersion'));
      const severity: Severity = v !== null && compareMinor(v, DEFAULT_ENCRYPTION) >= 0 ? 'info' : 'warning';
      const params = { cluster: view.name(cp) };
      const keys = view.out(cp, 'encryptsSecretsWith');
      if (keys.length === 0) {
        out.push(finding([cp], { subCase: 'a', severity, params }));
        continue;
      }
      const notOwn = keys.filter((k) => view.str(k, 'keyManager') !== 'customer');
      if (notOwn.length > 0) out.push(finding([cp, ...notOwn], { subCase: 'b', severity, params }));
    }
    return out;
  },
  quickFix(f, view) {
    if (f.subCase !== 'b') return null;
    const key = nodeAt(view, f, 1);
    return key ? setPropFix(key, 'keyManager', 'customer') : null;
  },
};
