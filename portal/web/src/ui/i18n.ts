// The page's two languages: Simplified Chinese (the default, for a Chinese city) and English.
// Technical values (hashes, verdict names, the verifier's reasons) stay as they are in both.

export type Lang = 'zh-CN' | 'en';

const STORAGE_KEY = 'govchain.portal.lang';

const MESSAGES = {
  'zh-CN': {
    'page.title': 'GovChain 存证核验',
    'page.subtitle': '在您自己的浏览器中核验记录：不必信任本平台的服务器',
    'skip': '跳到主要内容',
    'nav.label': '核验功能',
    'nav.verify': '核验证明包',
    'nav.pdf': '核验盖章 PDF',
    'nav.logs': '日志监测',
    'lang.label': '语言',
    'footer':
      '所有哈希、签名和链上数据都由本页面在您的浏览器中计算和查询（WebCrypto 与区块链 JSON-RPC）。',
    'loading': '正在加载…',
    'settings.failed': '无法读取门户设置：',
    'verify.heading': '核验证明包（govchain.proof/v1）',
    'verify.intro':
      '拖入或选择证明包文件、粘贴其内容，或输入证明包的网址。浏览器会重新计算叶哈希、折叠包含路径、校验签名检查点，并直接向区块链查询锚定记录。',
    'verify.file': '证明包文件',
    'verify.drop': '将证明包文件拖放到此处',
    'verify.paste': '或粘贴证明包 JSON',
    'verify.url': '或证明包网址',
    'verify.fetch': '获取',
    'verify.options': '核验设置',
    'verify.rpc': '区块链 JSON-RPC 地址',
    'verify.rpcHelp': '默认为本平台公布的地址；您可以改用自己信任的节点。',
    'verify.confirmations': '所需确认数（含锚定区块本身）',
    'verify.logKey': '日志的检查点公钥（C2SP 验证者密钥）',
    'verify.logKeyHelp': '按证明包的日志来源自动选用平台公布的公钥；留空则不校验签名。',
    'verify.submit': '核验',
    'verify.running': '正在核验…',
    'verify.badBundle': '这不是有效的证明包：',
    'verify.fetchFailed': '无法获取证明包：',
    'verify.needsSignIn':
      '该网址需要登录后才能读取。请用您的客户端下载证明包，再将文件拖放到此处。',
    'verify.empty': '请先提供证明包。',
    'verify.badKey': '检查点公钥无效：',
    'verify.badRpc': '区块链地址必须以 http:// 或 https:// 开头。',
    'result.heading': '核验结果',
    'result.steps': '核验步骤',
    'result.inputs': '输入',
    'result.ok': '通过',
    'result.failed': '未通过',
    'result.confirmations': '确认数',
    'record.heading': '记录内容',
    'record.type': '记录类型',
    'record.subject': '记录编号',
    'record.version': '版本',
    'record.time': '时间',
    'record.log': '日志来源',
    'record.leafIndex': '叶序号',
    'record.treeSize': '树大小',
    'record.data': '记录数据（人员及其填写的文字只以带密钥的哈希引用出现，如 staff:…、reason:…）',
    'pdf.heading': '核验盖章 PDF',
    'pdf.intro':
      '上传盖章的 PDF：印章服务检查每个签名（结构、摘要、证书链、印章状态），并给出该次盖章在日志中的记录；本浏览器再自行核验该记录的证明包。',
    'pdf.file': '盖章的 PDF 文件',
    'pdf.submit': '核验 PDF',
    'pdf.empty': '请先选择 PDF 文件。',
    'pdf.failed': '印章服务未能核验该文件：',
    'pdf.result': 'PDF 核验结果',
    'pdf.byService': '（印章服务对签名的结论；下方的证明包由本浏览器核验）',
    'pdf.signature': '签名',
    'pdf.signer': '签署者',
    'pdf.signingTime': '签署时间',
    'pdf.sealId': '印章编号',
    'pdf.logStatus': '日志记录',
    'pdf.sealingId': '盖章记录编号',
    'pdf.check': '检查项',
    'pdf.outcome': '结果',
    'pdf.expected': '预期',
    'pdf.actual': '实际',
    'pdf.proof': '盖章记录的证明包（本浏览器核验）',
    'pdf.noProof': '该签名没有已锚定的日志记录，因此没有可核验的证明包。',
    'pdf.downloadBundle': '下载证明包',
    'logs.heading': '日志监测',
    'logs.intro':
      '每个服务日志的最新检查点、其链上锚定与滞后情况。本浏览器会记住上次看到的检查点，并用一致性证明自行核验日志只增不改；改写过历史的日志会以红色标出。',
    'logs.refresh': '刷新',
    'logs.unavailable': '无法读取该日志：',
    'logs.wrongOrigin': '日志返回了另一个来源：',
    'logs.noKey': '未公布公钥，未校验签名',
    'logs.signedBy': '签名有效，公钥',
    'logs.noteDiffers': '签名检查点与日志所报的大小或根哈希不符',
    'logs.badSignature': '检查点签名无效：',
    'logs.size': '树大小',
    'logs.root': '根哈希',
    'logs.created': '生成时间',
    'logs.signature': '签名',
    'logs.rpc': '区块链 JSON-RPC',
    'logs.anchored': '链上最新锚定大小',
    'logs.notAnchored': '尚未锚定',
    'logs.block': '区块',
    'logs.anchoredAt': '锚定时间',
    'logs.depth': '锚定深度（区块数）',
    'logs.lag': '尚未锚定的条目数',
    'logs.transaction': '该检查点的锚定交易',
    'logs.chainDiffers': '链上该大小的根哈希与日志所报不符',
    'logs.chainUnavailable': '区块链不可用：',
    'logs.first': '首次查看：已记住此检查点，下次将核验日志与之一致。',
    'logs.consistent': '一致：日志在上次看到的检查点之上只做了追加。',
    'logs.rewritten': '历史被改写：日志与本浏览器上次看到的检查点不一致！',
    'logs.unverified': '无法核验一致性。',
    'step.envelope': '记录信封',
    'step.logId': '日志标识',
    'step.inclusion': '包含证明',
    'step.checkpoint': '签名检查点',
    'step.registry': '区块链与合约',
    'step.stored': '链上检查点',
    'step.confirmations': '确认数',
    'step.blockMatch': '锚定区块',
    'step.transaction': '锚定交易',
    'verdict.VALID': '已证明：该记录包含在已锚定的日志中，链上根哈希一致且已足够确认。',
    'verdict.TAMPERED': '已被篡改：记录、包含路径或根哈希与锚定的日志不符。',
    'verdict.NOT_ANCHORED': '未锚定：链上没有该日志此大小的检查点。',
    'verdict.UNCONFIRMED': '确认不足：检查点已上链，但区块深度不够。',
    'verdict.WRONG_CHAIN': '链不符：该 JSON-RPC 地址服务的是另一条链。',
    'verdict.NO_REGISTRY': '无登记合约：该地址上没有 AnchorRegistry 合约。',
    'verdict.ANCHOR_MISMATCH': '锚定信息不符：链上有此根哈希，但不在证明包所说的交易或区块中。',
    'verdict.CHAIN_UNAVAILABLE': '区块链不可用：无法查询，因此无法得出结论。',
  },
  en: {
    'page.title': 'GovChain verification portal',
    'page.subtitle': "Verify records in your own browser, without trusting this platform's server",
    'skip': 'Skip to main content',
    'nav.label': 'Verification',
    'nav.verify': 'Verify a proof bundle',
    'nav.pdf': 'Verify a sealed PDF',
    'nav.logs': 'Watch the logs',
    'lang.label': 'Language',
    'footer':
      "Every hash, signature and chain value on this page is computed and asked for by your browser (WebCrypto and the chain's JSON-RPC).",
    'loading': 'Loading…',
    'settings.failed': "Cannot read the portal's settings: ",
    'verify.heading': 'Verify a proof bundle (govchain.proof/v1)',
    'verify.intro':
      "Drop or choose a bundle file, paste it, or give its address. The browser recomputes the leaf hash, folds the inclusion path, checks the signed checkpoint and asks the chain itself for the anchor.",
    'verify.file': 'Proof bundle file',
    'verify.drop': 'Drop a proof bundle file here',
    'verify.paste': 'or paste the bundle JSON',
    'verify.url': "or the bundle's address",
    'verify.fetch': 'Fetch',
    'verify.options': 'Verification settings',
    'verify.rpc': "Chain JSON-RPC address",
    'verify.rpcHelp': 'Defaults to the one this platform publishes; use a node you trust instead.',
    'verify.confirmations': 'Confirmations required (the anchoring block counts)',
    'verify.logKey': "The log's checkpoint key (C2SP verifier key)",
    'verify.logKeyHelp':
      "Chosen from the published keys by the bundle's origin; leave empty to skip the signature check.",
    'verify.submit': 'Verify',
    'verify.running': 'Verifying…',
    'verify.badBundle': 'Not a valid proof bundle: ',
    'verify.fetchFailed': 'Cannot fetch the bundle: ',
    'verify.needsSignIn':
      'This address needs a sign-in. Download the bundle with your client and drop the file here.',
    'verify.empty': 'Give a proof bundle first.',
    'verify.badKey': 'The checkpoint key is not valid: ',
    'verify.badRpc': 'The chain address must start with http:// or https://.',
    'result.heading': 'Result',
    'result.steps': 'Steps',
    'result.inputs': 'Inputs',
    'result.ok': 'passed',
    'result.failed': 'failed',
    'result.confirmations': 'Confirmations',
    'record.heading': 'The record',
    'record.type': 'Record type',
    'record.subject': 'Record id',
    'record.version': 'Version',
    'record.time': 'Time',
    'record.log': 'Log origin',
    'record.leafIndex': 'Leaf index',
    'record.treeSize': 'Tree size',
    'record.data':
      'Record data (people, and text they typed, appear only as keyed references such as staff:… and reason:…)',
    'pdf.heading': 'Verify a sealed PDF',
    'pdf.intro':
      "Upload a sealed PDF: the seal service checks each signature (structure, digest, certificate chain, seal status) and answers the sealing's record in its log; this browser then verifies that record's proof bundle itself.",
    'pdf.file': 'Sealed PDF file',
    'pdf.submit': 'Verify the PDF',
    'pdf.empty': 'Choose a PDF file first.',
    'pdf.failed': 'The seal service could not verify the file: ',
    'pdf.result': 'PDF verification',
    'pdf.byService': "(the seal service's verdict on the signatures; the bundles below are verified by this browser)",
    'pdf.signature': 'Signature',
    'pdf.signer': 'Signer',
    'pdf.signingTime': 'Signing time',
    'pdf.sealId': 'Seal id',
    'pdf.logStatus': 'Log record',
    'pdf.sealingId': 'Sealing id',
    'pdf.check': 'Check',
    'pdf.outcome': 'Outcome',
    'pdf.expected': 'Expected',
    'pdf.actual': 'Actual',
    'pdf.proof': "The sealing record's proof bundle (verified by this browser)",
    'pdf.noProof': 'This signature has no anchored log record, so there is no bundle to verify.',
    'pdf.downloadBundle': 'Download the proof bundle',
    'logs.heading': 'Watch the logs',
    'logs.intro':
      "Each service log's newest checkpoint, its anchoring on chain and the lag. This browser remembers the checkpoint it saw last time and checks, with a consistency proof, that the log only grew; a log that rewrote its history is flagged in red.",
    'logs.refresh': 'Refresh',
    'logs.unavailable': 'Cannot read this log: ',
    'logs.wrongOrigin': 'The log answered another origin:',
    'logs.noKey': 'no key published, signature not checked',
    'logs.signedBy': 'valid, by',
    'logs.noteDiffers': 'the signed checkpoint differs from the size or root the log reports',
    'logs.badSignature': 'the checkpoint signature does not verify: ',
    'logs.size': 'Tree size',
    'logs.root': 'Root hash',
    'logs.created': 'Made at',
    'logs.signature': 'Signature',
    'logs.rpc': 'Chain JSON-RPC',
    'logs.anchored': 'Newest anchored size',
    'logs.notAnchored': 'not anchored yet',
    'logs.block': 'block',
    'logs.anchoredAt': 'Anchored at',
    'logs.depth': 'Anchor depth (blocks)',
    'logs.lag': 'Entries not anchored yet',
    'logs.transaction': "This checkpoint's anchoring transaction",
    'logs.chainDiffers': 'the chain holds a different root for this size than the log reports',
    'logs.chainUnavailable': 'chain unavailable: ',
    'logs.first': 'First visit: this checkpoint is remembered; next time the log must be consistent with it.',
    'logs.consistent': 'Consistent: the log only appended to the checkpoint seen last time.',
    'logs.rewritten': 'History rewritten: the log is not consistent with the checkpoint this browser saw last time!',
    'logs.unverified': 'Consistency could not be verified.',
    'step.envelope': 'Record envelope',
    'step.logId': 'Log id',
    'step.inclusion': 'Inclusion proof',
    'step.checkpoint': 'Signed checkpoint',
    'step.registry': 'Chain and registry',
    'step.stored': 'Checkpoint on chain',
    'step.confirmations': 'Confirmations',
    'step.blockMatch': 'Anchoring block',
    'step.transaction': 'Anchoring transaction',
    'verdict.VALID':
      'Proven: the record is in the anchored log, the chain holds that root, deep enough.',
    'verdict.TAMPERED':
      'Tampered: the record, the inclusion path or the root does not match the anchored log.',
    'verdict.NOT_ANCHORED': 'Not anchored: the chain has no checkpoint of that size for the log.',
    'verdict.UNCONFIRMED': 'Unconfirmed: the checkpoint is on chain but not deep enough yet.',
    'verdict.WRONG_CHAIN': 'Wrong chain: the JSON-RPC address serves a different chain.',
    'verdict.NO_REGISTRY': 'No registry: no AnchorRegistry contract at that address.',
    'verdict.ANCHOR_MISMATCH':
      'Anchor mismatch: the chain holds this root, but not in the transaction or block the bundle names.',
    'verdict.CHAIN_UNAVAILABLE': 'Chain unavailable: it could not be asked, nothing can be concluded.',
  },
} as const;

export type MessageKey = keyof (typeof MESSAGES)['en'];

let current: Lang = initialLang();

function initialLang(): Lang {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The language in use. */
export function lang(): Lang {
  return current;
}

/** Switches the language, remembers it, and updates `<html lang>`. */
export function setLang(next: Lang): void {
  current = next;
  safeStorage()?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** The message `key` in the current language. */
export function t(key: MessageKey): string {
  return MESSAGES[current][key];
}

/** Whether `key` is a message key (for keys built from verdict or step names). */
export function has(key: string): key is MessageKey {
  return key in MESSAGES.en;
}
