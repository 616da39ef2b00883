/**
 * The ICD-10-CM codes a ketamine clinic commonly records, each mapped to the
 * indication Glia uses for eligibility (clinical.md §2.2, §15 rules 1, 3, 5, 7),
 * and a validator for any ICD-10-CM code.
 *
 * Descriptions follow the FY2025 ICD-10-CM tabular list (eating-disorder codes as
 * expanded on 1 Oct 2024). The list is curated, not complete: a syntactically valid
 * code that is not listed is accepted as a diagnosis, but maps to no indication
 * unless the clinician gives one. Mapping decisions:
 * - F31.3x, F31.4, F31.5 (current episode depressed), F31.6x (mixed) and F31.81
 *   (bipolar II) → bipolar depression. Other F31 codes (hypomanic/manic episodes,
 *   remission, other, unspecified) → 'bipolar-other': they still mark bipolar
 *   disorder for rule 7 but do not qualify as an indication on their own.
 * - F34.1 (dysthymia) → depression. F53.0 → postpartum depression.
 * - F42.3 (hoarding) and F42.4 (excoriation) and F53.1 (puerperal psychosis) →
 *   'other-psychiatric'.
 * - G43.x migraine, G89.x chronic pain, G90.5x CRPS, M79.7 fibromyalgia →
 *   chronic pain.
 * - F1x.x0/.x1 abuse and F1x.20/.21 dependence → substance-use disorder; the
 *   non-remission codes carry the 'active-substance-use' flag used by rule 5.
 * - Codes "with psychotic features/symptoms" carry the 'psychotic-features' flag
 *   used by rule 3 (active psychosis, relative contraindication).
 */

export type Indication =
  | 'depression'
  | 'bipolar-depression'
  | 'bipolar-other'
  | 'postpartum-depression'
  | 'suicidal-ideation'
  | 'ptsd'
  | 'ocd'
  | 'anxiety'
  | 'eating-disorder'
  | 'chronic-pain'
  | 'substance-use-disorder'
  | 'other-psychiatric';

export type IcdFlag = 'bipolar' | 'psychotic-features' | 'active-substance-use';

export interface IcdCodeEntry {
  /** Code with its dot, upper case (e.g. "F33.2"). */
  code: string;
  description: string;
  indication: Indication;
  flags: readonly IcdFlag[];
}

type Row = [code: string, description: string, flags?: IcdFlag[]];

const group = (indication: Indication, rows: Row[], common: IcdFlag[] = []): IcdCodeEntry[] =>
  rows.map(([code, description, flags = []]) => ({ code, description, indication, flags: [...common, ...flags] }));

const MDD_SINGLE = 'Major depressive disorder, single episode';
const MDD_RECURRENT = 'Major depressive disorder, recurrent';
const BIPOLAR = 'Bipolar disorder';
const PSY: IcdFlag[] = ['psychotic-features'];

const SUBSTANCES: [category: string, name: string][] = [
  ['F10', 'Alcohol'],
  ['F11', 'Opioid'],
  ['F12', 'Cannabis'],
  ['F13', 'Sedative, hypnotic or anxiolytic'],
  ['F14', 'Cocaine'],
  ['F15', 'Other stimulant'],
  ['F16', 'Hallucinogen'],
  ['F19', 'Other psychoactive substance'],
];

const MIGRAINE: Row[] = [
  ['G43.001', 'Migraine without aura, not intractable, with status migrainosus'],
  ['G43.009', 'Migraine without aura, not intractable, without status migrainosus'],
  ['G43.011', 'Migraine without aura, intractable, with status migrainosus'],
  ['G43.019', 'Migraine without aura, intractable, without status migrainosus'],
  ['G43.101', 'Migraine with aura, not intractable, with status migrainosus'],
  ['G43.109', 'Migraine with aura, not intractable, without status migrainosus'],
  ['G43.111', 'Migraine with aura, intractable, with status migrainosus'],
  ['G43.119', 'Migraine with aura, intractable, without status migrainosus'],
  ['G43.701', 'Chronic migraine without aura, not intractable, with status migrainosus'],
  ['G43.709', 'Chronic migraine without aura, not intractable, without status migrainosus'],
  ['G43.711', 'Chronic migraine without aura, intractable, with status migrainosus'],
  ['G43.719', 'Chronic migraine without aura, intractable, without status migrainosus'],
  ['G43.901', 'Migraine, unspecified, not intractable, with status migrainosus'],
  ['G43.909', 'Migraine, unspecified, not intractable, without status migrainosus'],
  ['G43.911', 'Migraine, unspecified, intractable, with status migrainosus'],
  ['G43.919', 'Migraine, unspecified, intractable, without status migrainosus'],
];

/** The curated list, in code order within each indication. */
export const ICD10_CODES: readonly IcdCodeEntry[] = [
  ...group('depression', [
    ['F32.0', `${MDD_SINGLE}, mild`],
    ['F32.1', `${MDD_SINGLE}, moderate`],
    ['F32.2', `${MDD_SINGLE}, severe without psychotic features`],
    ['F32.3', `${MDD_SINGLE}, severe with psychotic features`, PSY],
    ['F32.4', `${MDD_SINGLE}, in partial remission`],
    ['F32.5', `${MDD_SINGLE}, in full remission`],
    ['F32.89', 'Other specified depressive episodes'],
    ['F32.9', `${MDD_SINGLE}, unspecified`],
    ['F32.A', 'Depression, unspecified'],
    ['F33.0', `${MDD_RECURRENT}, mild`],
    ['F33.1', `${MDD_RECURRENT}, moderate`],
    ['F33.2', `${MDD_RECURRENT} severe without psychotic features`],
    ['F33.3', `${MDD_RECURRENT}, severe with psychotic symptoms`, PSY],
    ['F33.40', `${MDD_RECURRENT}, in remission, unspecified`],
    ['F33.41', `${MDD_RECURRENT}, in partial remission`],
    ['F33.42', `${MDD_RECURRENT}, in full remission`],
    ['F33.8', 'Other recurrent depressive disorders'],
    ['F33.9', `${MDD_RECURRENT}, unspecified`],
    ['F34.1', 'Dysthymic disorder'],
  ]),
  ...group('bipolar-depression', [
    ['F31.30', `${BIPOLAR}, current episode depressed, mild or moderate severity, unspecified`],
    ['F31.31', `${BIPOLAR}, current episode depressed, mild`],
    ['F31.32', `${BIPOLAR}, current episode depressed, moderate`],
    ['F31.4', `${BIPOLAR}, current episode depressed, severe, without psychotic features`],
    ['F31.5', `${BIPOLAR}, current episode depressed, severe, with psychotic features`, PSY],
    ['F31.60', `${BIPOLAR}, current episode mixed, unspecified`],
    ['F31.61', `${BIPOLAR}, current episode mixed, mild`],
    ['F31.62', `${BIPOLAR}, current episode mixed, moderate`],
    ['F31.63', `${BIPOLAR}, current episode mixed, severe, without psychotic features`],
    ['F31.64', `${BIPOLAR}, current episode mixed, severe, with psychotic features`, PSY],
    ['F31.81', 'Bipolar II disorder'],
  ], ['bipolar']),
  ...group('bipolar-other', [
    ['F31.0', `${BIPOLAR}, current episode hypomanic`],
    ['F31.10', `${BIPOLAR}, current episode manic without psychotic features, unspecified`],
    ['F31.11', `${BIPOLAR}, current episode manic without psychotic features, mild`],
    ['F31.12', `${BIPOLAR}, current episode manic without psychotic features, moderate`],
    ['F31.13', `${BIPOLAR}, current episode manic without psychotic features, severe`],
    ['F31.2', `${BIPOLAR}, current episode manic severe with psychotic features`, PSY],
    ['F31.70', `${BIPOLAR}, currently in remission, most recent episode unspecified`],
    ['F31.71', `${BIPOLAR}, in partial remission, most recent episode hypomanic`],
    ['F31.72', `${BIPOLAR}, in full remission, most recent episode hypomanic`],
    ['F31.73', `${BIPOLAR}, in partial remission, most recent episode manic`],
    ['F31.74', `${BIPOLAR}, in full remission, most recent episode manic`],
    ['F31.75', `${BIPOLAR}, in partial remission, most recent episode depressed`],
    ['F31.76', `${BIPOLAR}, in full remission, most recent episode depressed`],
    ['F31.77', `${BIPOLAR}, in partial remission, most recent episode mixed`],
    ['F31.78', `${BIPOLAR}, in full remission, most recent episode mixed`],
    ['F31.89', 'Other bipolar disorder'],
    ['F31.9', `${BIPOLAR}, unspecified`],
  ], ['bipolar']),
  ...group('postpartum-depression', [['F53.0', 'Postpartum depression']]),
  ...group('suicidal-ideation', [['R45.851', 'Suicidal ideations']]),
  ...group('ptsd', [
    ['F43.10', 'Post-traumatic stress disorder, unspecified'],
    ['F43.11', 'Post-traumatic stress disorder, acute'],
    ['F43.12', 'Post-traumatic stress disorder, chronic'],
  ]),
  ...group('ocd', [
    ['F42.2', 'Mixed obsessional thoughts and acts'],
    ['F42.8', 'Other obsessive-compulsive disorder'],
    ['F42.9', 'Obsessive-compulsive disorder, unspecified'],
  ]),
  ...group('anxiety', [
    ['F40.10', 'Social phobia, unspecified'],
    ['F40.11', 'Social phobia, generalized'],
    ['F41.0', 'Panic disorder [episodic paroxysmal anxiety]'],
    ['F41.1', 'Generalized anxiety disorder'],
    ['F41.3', 'Other mixed anxiety disorders'],
    ['F41.8', 'Other specified anxiety disorders'],
    ['F41.9', 'Anxiety disorder, unspecified'],
  ]),
  ...group('eating-disorder', [
    ['F50.00', 'Anorexia nervosa, unspecified'],
    ['F50.010', 'Anorexia nervosa, restricting type, mild'],
    ['F50.011', 'Anorexia nervosa, restricting type, moderate'],
    ['F50.012', 'Anorexia nervosa, restricting type, severe'],
    ['F50.013', 'Anorexia nervosa, restricting type, extreme'],
    ['F50.014', 'Anorexia nervosa, restricting type, in remission'],
    ['F50.019', 'Anorexia nervosa, restricting type, unspecified'],
    ['F50.020', 'Anorexia nervosa, binge eating/purging type, mild'],
    ['F50.021', 'Anorexia nervosa, binge eating/purging type, moderate'],
    ['F50.022', 'Anorexia nervosa, binge eating/purging type, severe'],
    ['F50.023', 'Anorexia nervosa, binge eating/purging type, extreme'],
    ['F50.024', 'Anorexia nervosa, binge eating/purging type, in remission'],
    ['F50.029', 'Anorexia nervosa, binge eating/purging type, unspecified'],
    ['F50.20', 'Bulimia nervosa, unspecified'],
    ['F50.21', 'Bulimia nervosa, mild'],
    ['F50.22', 'Bulimia nervosa, moderate'],
    ['F50.23', 'Bulimia nervosa, severe'],
    ['F50.24', 'Bulimia nervosa, extreme'],
    ['F50.25', 'Bulimia nervosa, in remission'],
    ['F50.810', 'Binge eating disorder, mild'],
    ['F50.811', 'Binge eating disorder, moderate'],
    ['F50.812', 'Binge eating disorder, severe'],
    ['F50.813', 'Binge eating disorder, extreme'],
    ['F50.814', 'Binge eating disorder, in remission'],
    ['F50.819', 'Binge eating disorder, unspecified'],
    ['F50.82', 'Avoidant/restrictive food intake disorder'],
    ['F50.83', 'Pica in adults'],
    ['F50.84', 'Rumination disorder in adults'],
    ['F50.89', 'Other specified eating disorder'],
    ['F50.9', 'Eating disorder, unspecified'],
  ]),
  ...group('chronic-pain', [
    ['G89.0', 'Central pain syndrome'],
    ['G89.21', 'Chronic pain due to trauma'],
    ['G89.22', 'Chronic post-thoracotomy pain'],
    ['G89.28', 'Other chronic postprocedural pain'],
    ['G89.29', 'Other chronic pain'],
    ['G89.3', 'Neoplasm related pain (acute) (chronic)'],
    ['G89.4', 'Chronic pain syndrome'],
    ['G90.50', 'Complex regional pain syndrome I, unspecified'],
    ['G90.511', 'Complex regional pain syndrome I of right upper limb'],
    ['G90.512', 'Complex regional pain syndrome I of left upper limb'],
    ['G90.513', 'Complex regional pain syndrome I of upper limb, bilateral'],
    ['G90.519', 'Complex regional pain syndrome I of unspecified upper limb'],
    ['G90.521', 'Complex regional pain syndrome I of right lower limb'],
    ['G90.522', 'Complex regional pain syndrome I of left lower limb'],
    ['G90.523', 'Complex regional pain syndrome I of lower limb, bilateral'],
    ['G90.529', 'Complex regional pain syndrome I of unspecified lower limb'],
    ['G90.59', 'Complex regional pain syndrome I of other specified site'],
    ['M79.7', 'Fibromyalgia'],
    ...MIGRAINE,
  ]),
  ...SUBSTANCES.flatMap(([category, name]) =>
    group('substance-use-disorder', [
      [`${category}.10`, `${name} abuse, uncomplicated`, ['active-substance-use']],
      [`${category}.11`, `${name} abuse, in remission`],
      [`${category}.20`, `${name} dependence, uncomplicated`, ['active-substance-use']],
      [`${category}.21`, `${name} dependence, in remission`],
    ]),
  ),
  ...group('other-psychiatric', [
    ['F42.3', 'Hoarding disorder'],
    ['F42.4', 'Excoriation (skin-picking) disorder'],
    ['F53.1', 'Puerperal psychosis', PSY],
  ]),
];

const BY_CODE = new Map<string, IcdCodeEntry>(ICD10_CODES.map((e) => [e.code, e]));

export type IcdValidation =
  | { status: 'known'; code: string; entry: IcdCodeEntry }
  | { status: 'valid-not-listed'; code: string }
  | { status: 'invalid'; input: string; reason: string };

const SHAPE = /^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/;

/**
 * Validates an ICD-10-CM code's syntax — a letter, a digit, a letter or digit,
 * then optionally a dot and 1 to 4 letters or digits — after trimming and upper-
 * casing; the dot may be omitted ("F329" = "F32.9"). Returns the normalised code
 * and whether it is in Glia's curated list ('known'), valid but not listed
 * ('valid-not-listed'), or 'invalid' with the reason. Syntax only: a valid-looking
 * code may still not exist in the current ICD-10-CM release.
 */
export function validateIcd10Code(input: string): IcdValidation {
  const raw = input.trim().toUpperCase();
  if (raw.length === 0) return { status: 'invalid', input, reason: 'empty code' };
  const match = SHAPE.exec(raw);
  if (match === null) {
    let reason = 'expected a letter, a digit, a letter or digit, then optionally a dot and 1-4 letters or digits';
    if (!/^[A-Z]/.test(raw)) reason = 'must start with a letter';
    else if (!/^[A-Z][0-9]/.test(raw)) reason = 'second character must be a digit';
    else if (raw.endsWith('.')) reason = 'a dot must be followed by 1-4 letters or digits';
    else if (raw.replace('.', '').length > 7) reason = 'longer than 7 characters';
    return { status: 'invalid', input, reason };
  }
  const code = match[2] === undefined ? (match[1] as string) : `${match[1]}.${match[2]}`;
  const entry = BY_CODE.get(code);
  return entry === undefined ? { status: 'valid-not-listed', code } : { status: 'known', code, entry };
}

/** The curated entry for a code (any accepted spelling), or undefined when not listed or invalid. */
export function findIcd10Code(input: string): IcdCodeEntry | undefined {
  const result = validateIcd10Code(input);
  return result.status === 'known' ? result.entry : undefined;
}
