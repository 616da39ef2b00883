/**
 * The medication classes Glia recognises for rule 8 (medication flags), rule 7
 * (mood stabilizers) and rule 1 (antidepressant trials). See clinical.md §6.3 and
 * §15 rules 1, 7, 8.
 *
 * Scope decisions (to be signed off by the medical director):
 * - Benzodiazepine equivalents are the dose of each drug taken as equal to 10 mg
 *   oral diazepam, from the Ashton Manual table (Ashton 2002, rev. 2007,
 *   benzo.org.uk/bzequiv.htm); where Ashton gives a range the midpoint is used.
 *   Midazolam is not in Ashton; its value (5 mg) is from WHO 2009, Clinical
 *   Guidelines for Withdrawal Management, table 8 (2.5 mg = 5 mg diazepam).
 *   Equivalence tables differ by up to 2x (the US VA/DoD table gives lorazepam 2,
 *   clonazepam 1, alprazolam 1); Ashton is the more conservative (flags sooner).
 *   Z-drugs are not converted: the ketamine-response evidence [S34] is about
 *   benzodiazepines; they are flagged as CNS depressants.
 * - MAOIs: the non-selective antidepressant MAOIs, transdermal and oral
 *   selegiline, rasagiline and safinamide (MAO-B selective), moclobemide (reversible
 *   MAO-A) and drugs with MAO-inhibiting activity (linezolid, methylene blue,
 *   procarbazine) are all flagged; the finding names the kind so the clinician can
 *   weigh it. The label asks for close BP monitoring with MAOIs without
 *   distinguishing [S5], [S60].
 * - Psychostimulants: amphetamines, methylphenidates, modafinil/armodafinil as in
 *   [S60], plus methamphetamine, phentermine and solriamfetol (sympathomimetic,
 *   raise BP). Atomoxetine and viloxazine are not stimulants and are not flagged.
 * - CNS depressants: benzodiazepines, opioids, z-drugs, barbiturates and other
 *   sedative-hypnotics (orexin antagonists, oxybates) as in the label [S5] and the
 *   REMS form [S6c], plus gabapentinoids (FDA 2019 respiratory-depression warning
 *   with other CNS depressants), sedating antihistamines (diphenhydramine,
 *   hydroxyzine, promethazine, doxylamine) and centrally acting muscle relaxants.
 *   Sedating antidepressants and antipsychotics (trazodone, mirtazapine,
 *   quetiapine) are not flagged, to keep the warning specific.
 * - Mood stabilizers: lithium, valproate/divalproex, lamotrigine, carbamazepine,
 *   and the second-generation antipsychotics FDA-approved for bipolar disorder
 *   (aripiprazole, asenapine, cariprazine, lumateperone, lurasidone, olanzapine,
 *   quetiapine, risperidone, ziprasidone); whether antipsychotics count is a
 *   CONFIG item of rule 7. Oxcarbazepine and topiramate are not counted.
 * - Antidepressant classes count trials (rule 1): SSRI, SNRI, tricyclic/tetracyclic,
 *   MAOI, atypical, serotonin modulator, NMDA antagonist, neurosteroid.
 */

export type MedicationClass =
  | 'benzodiazepine'
  | 'z-drug'
  | 'barbiturate'
  | 'sedative-hypnotic'
  | 'opioid'
  | 'gabapentinoid'
  | 'sedating-antihistamine'
  | 'muscle-relaxant'
  | 'maoi'
  | 'psychostimulant'
  | 'lamotrigine'
  | 'mood-stabilizer'
  | 'antipsychotic'
  | 'antidepressant';

export type AntidepressantClass =
  | 'ssri'
  | 'snri'
  | 'tricyclic'
  | 'maoi'
  | 'atypical'
  | 'serotonin-modulator'
  | 'nmda-antagonist'
  | 'neurosteroid';

export type MoodStabilizerKind = 'lithium' | 'anticonvulsant' | 'antipsychotic';

export type MaoiKind = 'non-selective' | 'mao-b-selective' | 'reversible-mao-a' | 'mao-inhibiting-drug';

export interface MedicationEntry {
  /** Canonical generic name, lower case. */
  generic: string;
  /** Brand names and alternate spellings, lower case, words separated by single spaces. */
  aliases: readonly string[];
  classes: readonly MedicationClass[];
  /** Benzodiazepines: mg of this drug equivalent to 10 mg oral diazepam. */
  diazepamEquivalentMg?: number;
  equivalenceSource?: 'Ashton 2002' | 'WHO 2009';
  antidepressantClass?: AntidepressantClass;
  moodStabilizerKind?: MoodStabilizerKind;
  maoiKind?: MaoiKind;
}

/** Classes that count as CNS depressants for rule 8. */
export const CNS_DEPRESSANT_CLASSES: readonly MedicationClass[] = [
  'benzodiazepine', 'z-drug', 'barbiturate', 'sedative-hypnotic', 'opioid', 'gabapentinoid', 'sedating-antihistamine', 'muscle-relaxant',
];

const benzo = (generic: string, aliases: string[], diazepamEquivalentMg: number, equivalenceSource: MedicationEntry['equivalenceSource'] = 'Ashton 2002'): MedicationEntry => ({
  generic, aliases, classes: ['benzodiazepine'], diazepamEquivalentMg, equivalenceSource,
});
const of = (classes: MedicationClass[]) => (generic: string, aliases: string[] = []): MedicationEntry => ({ generic, aliases, classes });
const antidepressant = (antidepressantClass: AntidepressantClass) => (generic: string, aliases: string[] = []): MedicationEntry => ({
  generic, aliases, classes: ['antidepressant'], antidepressantClass,
});
const maoi = (generic: string, aliases: string[], maoiKind: MaoiKind, isAntidepressant: boolean): MedicationEntry => ({
  generic, aliases, classes: isAntidepressant ? ['maoi', 'antidepressant'] : ['maoi'], maoiKind,
  ...(isAntidepressant ? { antidepressantClass: 'maoi' as const } : {}),
});
const moodAntipsychotic = (generic: string, aliases: string[]): MedicationEntry => ({
  generic, aliases, classes: ['antipsychotic', 'mood-stabilizer'], moodStabilizerKind: 'antipsychotic',
});
const opioid = of(['opioid']);
const zDrug = of(['z-drug']);
const barbiturate = of(['barbiturate']);
const hypnotic = of(['sedative-hypnotic']);
const gabapentinoid = of(['gabapentinoid']);
const antihistamine = of(['sedating-antihistamine']);
const relaxant = of(['muscle-relaxant']);
const stimulant = of(['psychostimulant']);
const ssri = antidepressant('ssri');
const snri = antidepressant('snri');
const tca = antidepressant('tricyclic');
const atypical = antidepressant('atypical');
const modulator = antidepressant('serotonin-modulator');

export const MEDICATION_CATALOG: readonly MedicationEntry[] = [
  // Benzodiazepines: mg equivalent to 10 mg diazepam.
  benzo('alprazolam', ['xanax', 'niravam'], 0.5),
  benzo('bromazepam', ['lexotan', 'lectopam'], 5.5),
  benzo('chlordiazepoxide', ['librium'], 25),
  benzo('clobazam', ['onfi', 'sympazan', 'frisium'], 20),
  benzo('clonazepam', ['klonopin', 'rivotril'], 0.5),
  benzo('clorazepate', ['tranxene'], 15),
  benzo('diazepam', ['valium', 'valtoco', 'diastat'], 10),
  benzo('estazolam', ['prosom'], 1.5),
  benzo('flunitrazepam', ['rohypnol'], 1),
  benzo('flurazepam', ['dalmane'], 22.5),
  benzo('halazepam', ['paxipam'], 40),
  benzo('ketazolam', ['anxon'], 22.5),
  benzo('loprazolam', ['dormonoct'], 1.5),
  benzo('lorazepam', ['ativan', 'loreev'], 1),
  benzo('lormetazepam', ['noctamid'], 1.5),
  benzo('medazepam', ['nobrium'], 10),
  benzo('midazolam', ['versed', 'nayzilam', 'seizalam'], 5, 'WHO 2009'),
  benzo('nitrazepam', ['mogadon'], 10),
  benzo('nordazepam', ['nordiazepam'], 10),
  benzo('oxazepam', ['serax'], 20),
  benzo('prazepam', ['centrax'], 15),
  benzo('quazepam', ['doral'], 20),
  benzo('temazepam', ['restoril'], 20),
  benzo('triazolam', ['halcion'], 0.5),

  zDrug('zolpidem', ['ambien', 'edluar', 'intermezzo', 'zolpimist']),
  zDrug('zaleplon', ['sonata']),
  zDrug('eszopiclone', ['lunesta']),
  zDrug('zopiclone', ['imovane', 'zimovane']),

  barbiturate('phenobarbital', ['luminal', 'phenobarbitone']),
  barbiturate('butalbital', ['fioricet', 'fiorinal', 'esgic']),
  barbiturate('secobarbital', ['seconal']),
  barbiturate('pentobarbital', ['nembutal']),
  barbiturate('primidone', ['mysoline']),

  hypnotic('sodium oxybate', ['oxybate', 'xyrem', 'xywav', 'lumryz']),
  hypnotic('suvorexant', ['belsomra']),
  hypnotic('lemborexant', ['dayvigo']),
  hypnotic('daridorexant', ['quviviq']),
  hypnotic('chloral hydrate', []),

  opioid('morphine', ['ms contin', 'kadian', 'arymo']),
  opioid('hydromorphone', ['dilaudid', 'exalgo']),
  opioid('oxycodone', ['oxycontin', 'roxicodone', 'percocet', 'xtampza', 'endocet']),
  opioid('oxymorphone', ['opana']),
  opioid('hydrocodone', ['vicodin', 'norco', 'hysingla', 'zohydro', 'lortab']),
  opioid('codeine', ['tylenol with codeine']),
  opioid('fentanyl', ['duragesic', 'actiq', 'fentora', 'subsys']),
  opioid('methadone', ['dolophine', 'methadose']),
  opioid('buprenorphine', ['suboxone', 'subutex', 'zubsolv', 'butrans', 'belbuca', 'sublocade', 'brixadi']),
  opioid('tramadol', ['ultram', 'conzip', 'ultracet']),
  opioid('tapentadol', ['nucynta']),
  opioid('meperidine', ['demerol', 'pethidine']),
  opioid('levorphanol', []),
  opioid('butorphanol', ['stadol']),

  gabapentinoid('gabapentin', ['neurontin', 'gralise', 'horizant', 'gabapentin enacarbil']),
  gabapentinoid('pregabalin', ['lyrica']),

  antihistamine('diphenhydramine', ['benadryl']),
  antihistamine('hydroxyzine', ['vistaril', 'atarax']),
  antihistamine('promethazine', ['phenergan']),
  antihistamine('doxylamine', ['unisom']),

  relaxant('carisoprodol', ['soma']),
  relaxant('cyclobenzaprine', ['flexeril', 'amrix']),
  relaxant('baclofen', ['lioresal', 'ozobax', 'lyvispah']),
  relaxant('tizanidine', ['zanaflex']),
  relaxant('methocarbamol', ['robaxin']),

  maoi('phenelzine', ['nardil'], 'non-selective', true),
  maoi('tranylcypromine', ['parnate'], 'non-selective', true),
  maoi('isocarboxazid', ['marplan'], 'non-selective', true),
  maoi('selegiline transdermal', ['emsam', 'selegiline patch'], 'non-selective', true),
  maoi('moclobemide', ['manerix', 'aurorix'], 'reversible-mao-a', true),
  maoi('selegiline', ['eldepryl', 'zelapar', 'deprenyl'], 'mao-b-selective', false),
  maoi('rasagiline', ['azilect'], 'mao-b-selective', false),
  maoi('safinamide', ['xadago'], 'mao-b-selective', false),
  maoi('linezolid', ['zyvox'], 'mao-inhibiting-drug', false),
  maoi('methylene blue', ['methylthioninium', 'provayblue'], 'mao-inhibiting-drug', false),
  maoi('procarbazine', ['matulane'], 'mao-inhibiting-drug', false),

  stimulant('amphetamine', ['adderall', 'mixed amphetamine salts', 'evekeo', 'adzenys', 'dyanavel', 'mydayis']),
  stimulant('dextroamphetamine', ['dexedrine', 'zenzedi', 'procentra', 'xelstrym', 'dexamfetamine']),
  stimulant('lisdexamfetamine', ['vyvanse', 'elvanse']),
  stimulant('methamphetamine', ['desoxyn']),
  stimulant('methylphenidate', ['ritalin', 'concerta', 'metadate', 'methylin', 'daytrana', 'quillivant', 'quillichew', 'jornay', 'aptensio', 'cotempla', 'relexxii']),
  stimulant('dexmethylphenidate', ['focalin', 'azstarys', 'serdexmethylphenidate']),
  stimulant('modafinil', ['provigil']),
  stimulant('armodafinil', ['nuvigil']),
  stimulant('solriamfetol', ['sunosi']),
  stimulant('phentermine', ['adipex', 'lomaira', 'qsymia']),

  { generic: 'lamotrigine', aliases: ['lamictal', 'subvenite'], classes: ['lamotrigine', 'mood-stabilizer'], moodStabilizerKind: 'anticonvulsant' },
  { generic: 'lithium', aliases: ['lithobid', 'eskalith'], classes: ['mood-stabilizer'], moodStabilizerKind: 'lithium' },
  { generic: 'valproate', aliases: ['valproic acid', 'divalproex', 'depakote', 'depakene', 'depacon', 'epilim', 'stavzor'], classes: ['mood-stabilizer'], moodStabilizerKind: 'anticonvulsant' },
  { generic: 'carbamazepine', aliases: ['tegretol', 'equetro', 'carbatrol', 'epitol'], classes: ['mood-stabilizer'], moodStabilizerKind: 'anticonvulsant' },
  moodAntipsychotic('aripiprazole', ['abilify', 'aristada']),
  moodAntipsychotic('asenapine', ['saphris', 'secuado']),
  moodAntipsychotic('cariprazine', ['vraylar']),
  moodAntipsychotic('lumateperone', ['caplyta']),
  moodAntipsychotic('lurasidone', ['latuda']),
  moodAntipsychotic('olanzapine', ['zyprexa', 'lybalvi']),
  moodAntipsychotic('quetiapine', ['seroquel']),
  moodAntipsychotic('risperidone', ['risperdal', 'perseris', 'uzedy']),
  moodAntipsychotic('ziprasidone', ['geodon']),

  ssri('fluoxetine', ['prozac', 'sarafem']),
  ssri('sertraline', ['zoloft']),
  ssri('paroxetine', ['paxil', 'pexeva', 'brisdelle']),
  ssri('citalopram', ['celexa']),
  ssri('escitalopram', ['lexapro', 'cipralex']),
  ssri('fluvoxamine', ['luvox']),
  snri('venlafaxine', ['effexor']),
  snri('desvenlafaxine', ['pristiq', 'khedezla']),
  snri('duloxetine', ['cymbalta', 'drizalma']),
  snri('levomilnacipran', ['fetzima']),
  snri('milnacipran', ['savella', 'ixel']),
  tca('amitriptyline', ['elavil']),
  tca('nortriptyline', ['pamelor', 'aventyl']),
  tca('imipramine', ['tofranil']),
  tca('desipramine', ['norpramin']),
  tca('clomipramine', ['anafranil']),
  tca('doxepin', ['sinequan', 'silenor']),
  tca('protriptyline', ['vivactil']),
  tca('trimipramine', ['surmontil']),
  tca('amoxapine', []),
  tca('maprotiline', ['ludiomil']),
  atypical('bupropion', ['wellbutrin', 'aplenzin', 'forfivo', 'zyban']),
  atypical('mirtazapine', ['remeron']),
  atypical('trazodone', ['desyrel', 'oleptro']),
  atypical('nefazodone', ['serzone']),
  atypical('agomelatine', ['valdoxan']),
  atypical('reboxetine', ['edronax']),
  modulator('vilazodone', ['viibryd']),
  modulator('vortioxetine', ['trintellix', 'brintellix']),
  modulator('gepirone', ['exxua']),
  antidepressant('nmda-antagonist')('dextromethorphan-bupropion', ['auvelity', 'dextromethorphan bupropion']),
  antidepressant('neurosteroid')('zuranolone', ['zurzuvae']),
  antidepressant('neurosteroid')('brexanolone', ['zulresso']),
];

/**
 * Brand names of fixed-dose combinations, mapped to the catalog drugs they hold.
 * Diazepam equivalents are never computed for a combination, because the entered
 * dose cannot be attributed to one ingredient.
 */
export const COMBINATION_BRANDS: Readonly<Record<string, readonly string[]>> = {
  symbyax: ['olanzapine', 'fluoxetine'],
  limbitrol: ['chlordiazepoxide', 'amitriptyline'],
  librax: ['chlordiazepoxide'],
};
