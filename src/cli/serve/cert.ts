import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * Certificates for a bureau without its own certificate authority: a small CA of its own
 * (`budget-ca.crt`, the one file every PC trusts) and a server certificate signed by it for the
 * server's names and addresses (`server.crt` + `server.key`, what serve-addin uses). Office loads
 * add-ins only over https, and a self-made certificate is fine "so long as the certificate is
 * trusted on the local machine" (office-js-docs-pr, docs/includes/https-guidance.md). A new
 * server certificate can later be made from the same CA without touching the PCs.
 * Browsers want the names in subjectAltName, not only in the common name.
 */
export interface CertRequest {
  /** Host names and IP addresses the clerks will type, e.g. ['budget.czj.local', '10.1.2.3']. */
  names: string[];
  /** Validity of the server certificate (days); browsers refuse more than 825. */
  days?: number;
}

export interface CertFiles {
  caCert: string;
  caKey: string;
  cert: string;
  key: string;
}

const DAY = 24 * 60 * 60 * 1000;

export async function makeCertificates(
  req: CertRequest,
): Promise<{ caCert: string; caKey: string; cert: string; key: string }> {
  const names = req.names.map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new Error('请用 --name 给出服务器的名称或 IP 地址（可给多个）');
  for (const n of names) {
    if (!isIP(n) && !/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(n))
      throw new Error(`“${n}”不是有效的主机名或 IP 地址`);
  }
  const days = req.days ?? 825;
  if (!(days >= 1 && days <= 825)) throw new Error('证书有效期须在 1 到 825 天之间（浏览器不接受更长的服务器证书）');
  const now = new Date();
  const ca = await generate([{ name: 'commonName', value: '预算公开助手 本单位根证书' }], {
    algorithm: 'sha256',
    keySize: 2048,
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + 10 * 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: names[0] }], {
    algorithm: 'sha256',
    keySize: 2048,
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + days * DAY),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })),
      },
    ],
  });
  return { caCert: ca.cert, caKey: ca.private, cert: server.cert, key: server.private };
}

/** Writes the four files into `dir`; never replaces existing ones. */
export async function writeCertificates(dir: string, req: CertRequest): Promise<CertFiles> {
  const files: CertFiles = {
    caCert: join(dir, 'budget-ca.crt'),
    caKey: join(dir, 'budget-ca.key'),
    cert: join(dir, 'server.crt'),
    key: join(dir, 'server.key'),
  };
  const taken = Object.values(files).filter((f) => existsSync(f));
  if (taken.length > 0) throw new Error(`${taken.join('、')} 已存在：为免覆盖正在使用的证书，请换一个目录`);
  const pems = await makeCertificates(req);
  const line = (pem: string): string => (pem.endsWith('\n') ? pem : pem + '\n');
  mkdirSync(dir, { recursive: true });
  writeFileSync(files.caCert, line(pems.caCert));
  writeFileSync(files.caKey, line(pems.caKey), { mode: 0o600 });
  // The chain: the server's certificate, then the CA's (clients that trust the CA accept both ways).
  writeFileSync(files.cert, line(pems.cert) + line(pems.caCert));
  writeFileSync(files.key, line(pems.key), { mode: 0o600 });
  return files;
}
