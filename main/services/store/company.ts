// The company setup in force: loaded from WHARF_SEED, Settings, or the demo file; stored
// processed (PINs hashed) in company.json so a restart keeps it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CompanySetup, describeIssues, hashPin } from '../../../shared/domain/company';
import type { CompanySnapshot } from '../../../shared/contract';
import { WharfError } from '../../../shared/contract';
import { sha256Hex, canonicalJson } from '../../../shared/hash';
import { readJsonFile, writeFileDurable } from './durableFile';

export interface LoadedCompany { setup: CompanySetup; snapshot: CompanySnapshot }

/** Validates a setup object; a bad file names every problem as "path: message". */
export function parseCompanySetup(raw: unknown, where: string): CompanySetup {
  const r = CompanySetup.safeParse(raw);
  if (!r.success) {
    throw new WharfError('invalid_input', `company setup ${where} is not valid — fix these fields and load it again:\n${describeIssues(r.error.issues)}`, {
      issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return r.data;
}

export function readCompanyFile(file: string): CompanySetup {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new WharfError('invalid_input', `cannot read company setup ${file}: ${(e as Error).message}`);
  }
  return parseCompanySetup(raw, file);
}

/** PINs become salted hashes; the clear PIN is dropped. */
export function snapshotOf(setup: CompanySetup): CompanySnapshot {
  const users = setup.users.map((u) => {
    if (u.pinHash && u.pinSalt) return { id: u.id, name: u.name, role: u.role, pinHash: u.pinHash, pinSalt: u.pinSalt, badge: u.badge };
    const salt = crypto.randomBytes(8).toString('hex');
    return { id: u.id, name: u.name, role: u.role, pinHash: hashPin(u.pin!, salt), pinSalt: salt, badge: u.badge };
  });
  const body = {
    name: setup.company.name, warehouses: setup.warehouses, skus: setup.skus, users,
    onHand: setup.onHand, blacklist: setup.blacklist, mappings: setup.mappings, ...(setup.decisions !== undefined ? { decisions: setup.decisions } : {}), ...(setup.floor ? { floor: setup.floor } : {}),
  };
  return { ...body, revision: sha256Hex(canonicalJson(body)).slice(0, 16) };
}

export class CompanyStore {
  private readonly file: string;
  current?: LoadedCompany;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'company.json');
    const saved = readJsonFile<CompanySetup>(this.file);
    if (saved) {
      const setup = parseCompanySetup(saved, this.file);
      this.current = { setup, snapshot: snapshotOf(setup) };
    }
  }

  /** Stores a setup (PINs replaced by hashes so the clear PIN never lands on disk). */
  load(setup: CompanySetup, persist: boolean): LoadedCompany {
    const snapshot = snapshotOf(setup);
    const stored: CompanySetup = {
      ...setup,
      users: setup.users.map((u) => {
        const s = snapshot.users.find((x) => x.id === u.id)!;
        return { id: u.id, name: u.name, role: u.role, pinHash: s.pinHash, pinSalt: s.pinSalt, badge: u.badge };
      }),
    };
    if (persist) writeFileDurable(this.file, JSON.stringify(stored, null, 1));
    this.current = { setup: stored, snapshot: snapshotOf(stored) };
    return this.current;
  }
}
