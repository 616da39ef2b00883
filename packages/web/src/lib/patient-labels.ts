import { SEX_AT_BIRTH } from '@glia/contracts';

export const SEX_AT_BIRTH_LABELS: Record<(typeof SEX_AT_BIRTH)[number], string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
};

export const SEX_AT_BIRTH_OPTIONS = SEX_AT_BIRTH.map((value) => ({ value, label: SEX_AT_BIRTH_LABELS[value] }));
