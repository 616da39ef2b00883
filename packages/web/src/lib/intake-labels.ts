/** Words staff read for the codes of intake, eligibility and consent. */
import type { ContraindicationCode } from '@glia/clinical';

export const INDICATION_LABELS = {
  depression: 'Depression',
  'bipolar-depression': 'Bipolar depression',
  'bipolar-other': 'Bipolar disorder (other)',
  'postpartum-depression': 'Postpartum depression',
  'suicidal-ideation': 'Suicidal ideation',
  ptsd: 'PTSD',
  ocd: 'OCD',
  anxiety: 'Anxiety',
  'eating-disorder': 'Eating disorder',
  'chronic-pain': 'Chronic pain or migraine',
  'substance-use-disorder': 'Substance use disorder',
  'other-psychiatric': 'Other psychiatric',
} as const;

export const REFERRAL_SOURCE_LABELS = {
  self: 'Self-referral',
  psychiatrist: 'Psychiatrist',
  'primary-care': 'Primary care',
  therapist: 'Therapist',
  hospital: 'Hospital',
  'pain-clinic': 'Pain clinic',
  other: 'Other',
} as const;

export const CONTRAINDICATION_LABELS: Record<ContraindicationCode, string> = {
  'aneurysmal-vascular-disease': 'Aneurysmal vascular disease',
  'arteriovenous-malformation': 'Arteriovenous malformation',
  'intracerebral-hemorrhage-history': 'History of intracerebral hemorrhage',
  'hypersensitivity-ketamine-esketamine': 'Hypersensitivity to ketamine or esketamine',
  'poorly-controlled-cardiovascular-disease': 'Poorly controlled cardiovascular disease',
  pregnancy: 'Pregnancy',
  'active-psychosis': 'Active psychosis',
  'severe-hepatic-disease': 'Severe hepatic disease',
  'raised-intracranial-pressure': 'Raised intracranial pressure',
  'raised-intraocular-pressure': 'Raised intraocular pressure',
  'active-substance-abuse': 'Active substance abuse',
  'hypertensive-encephalopathy-history': 'History of hypertensive encephalopathy',
};

export const TRIAL_OUTCOME_LABELS = {
  'non-response': 'No response',
  'partial-response': 'Partial response',
  response: 'Response',
  remission: 'Remission',
  intolerance: 'Stopped: intolerance',
  unknown: 'Unknown',
} as const;

export const TRIAL_NOT_COUNTED = {
  'not-current-episode': 'earlier episode',
  'not-adequate': 'not adequate',
  'not-failed': 'did not fail',
  'not-an-antidepressant': 'not an antidepressant',
  'too-short': 'shorter than the minimum weeks',
} as const;

export const OBSERVATION_LABELS = {
  weight: 'Weight',
  height: 'Height',
  vitals: 'Blood pressure and heart rate',
  'pregnancy-test': 'Pregnancy test',
  ecg: 'ECG',
  lft: 'Liver function tests',
} as const;

export const SEVERITY_LABELS = { block: 'Block', warning: 'Warning', info: 'Information' } as const;
export const DECISION_LABELS = { eligible: 'Eligible', 'not-eligible': 'Not eligible', 'needs-workup': 'Needs work-up' } as const;
