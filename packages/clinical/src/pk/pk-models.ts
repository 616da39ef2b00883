/**
 * Published ketamine compartment models (racemic ketamine, IV).
 *
 * Parameter sets exactly as in pk.md §1: rate constants per minute, V1 in litres
 * per kg of total body weight, every volume and clearance linear in weight, dose
 * into the central (plasma) compartment. The ids are the keys of
 * `shared/spec/pk-vectors.json`.
 */

/** Canonical model ids, identical to the model keys of pk-vectors.json. */
export type PkModelId = 'domino_1984' | 'clements_1981_250' | 'hijazi_2003';

/** Accepted spellings: the canonical ids plus the short alias `clements_250`. */
export type PkModelName = PkModelId | 'clements_250';

/** Absolute parameters of a mammillary model for one body weight. Rates per minute, V1 in litres. */
export interface PkParams {
  v1L: number;
  k10: number;
  k12: number;
  k21: number;
  /** 0 for two-compartment models (k31 is then ignored). */
  k13: number;
  k31: number;
}

export interface PkModelDefinition {
  id: PkModelId;
  label: string;
  compartments: 2 | 3;
  /** Central volume per kg of total body weight (L/kg). */
  v1LPerKg: number;
  k10: number;
  k12: number;
  k21: number;
  k13: number;
  k31: number;
  citation: string;
  population: string;
  /** How far the constants could be verified (pk.md §1.1-1.3). */
  verification: string;
}

export const PK_MODELS: Readonly<Record<PkModelId, PkModelDefinition>> = {
  domino_1984: {
    id: 'domino_1984',
    label: 'Domino 1984 (3-compartment)',
    compartments: 3,
    v1LPerKg: 0.063,
    k10: 0.438,
    k12: 0.592,
    k21: 0.247,
    k13: 0.59,
    k31: 0.0146,
    citation: 'Domino EF et al. Ketamine kinetics in unmedicated and diazepam-premedicated subjects. Clin Pharmacol Ther 1984;36(5):645-653 (PMID 6488686)',
    population: 'adult subjects, unmedicated or diazepam-premedicated',
    verification: '3-figure set of STANPUMP/stanpumpR, matching opentiva and fus_anes; primary paper not checked',
  },
  clements_1981_250: {
    id: 'clements_1981_250',
    label: 'Clements & Nimmo 1981 "250" (2-compartment)',
    compartments: 2,
    v1LPerKg: 1.7522,
    k10: 0.0109,
    k12: 0.0186,
    k21: 0.0137,
    k13: 0,
    k31: 0,
    citation: 'Clements JA, Nimmo WS. Pharmacokinetics and analgesic effect of ketamine in man. Br J Anaesth 1981;53:27-30 (PMID 7459184)',
    population: 'subjects given a 0.25 mg/kg IV bolus',
    verification: 'one code source (opentiva Clements250); partly verified',
  },
  hijazi_2003: {
    id: 'hijazi_2003',
    label: 'Hijazi 2003 (2-compartment)',
    compartments: 2,
    v1LPerKg: 1.08,
    k10: 0.0333,
    k12: 0.0088,
    k21: 0.003,
    k13: 0,
    k31: 0,
    citation: 'Hijazi Y et al. Pharmacokinetics and haemodynamics of ketamine in intensive care patients with brain or spinal cord injury. Br J Anaesth 2003;90:155-160 (PMID 12538370)',
    population: 'intensive-care patients with brain or spinal-cord injury (n=12)',
    verification: 'opentiva Hijazi; derived CL, V-beta and half-life match the abstract',
  },
};

export const PK_MODEL_IDS: readonly PkModelId[] = ['domino_1984', 'clements_1981_250', 'hijazi_2003'];

const ALIASES: Readonly<Record<string, PkModelId>> = {
  domino_1984: 'domino_1984',
  clements_1981_250: 'clements_1981_250',
  clements_250: 'clements_1981_250',
  hijazi_2003: 'hijazi_2003',
};

/** Canonical id for a model name or alias, or null when the model is not implemented. */
export function resolvePkModelId(name: string): PkModelId | null {
  return Object.hasOwn(ALIASES, name) ? (ALIASES[name] ?? null) : null;
}

/**
 * The absolute parameters of a named model for a body weight: V1 = V1/kg × weight,
 * rate constants unchanged (pk.md §1: linear weight scaling, no other covariates).
 * Throws RangeError for an unknown model or a weight that is not a positive finite number.
 */
export function pkParamsFor(model: PkModelName, weightKg: number): PkParams {
  const id = resolvePkModelId(model);
  if (id === null) throw new RangeError(`Unknown PK model "${model}"`);
  if (!Number.isFinite(weightKg) || weightKg <= 0) {
    throw new RangeError(`Body weight must be a positive number of kg (got ${weightKg})`);
  }
  const m = PK_MODELS[id];
  return { v1L: m.v1LPerKg * weightKg, k10: m.k10, k12: m.k12, k21: m.k21, k13: m.k13, k31: m.k31 };
}
