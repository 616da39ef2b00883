import type { ItemDefinition, ResponseOption } from '../instrument-definition.ts';

/**
 * Options min..max labelled with the given labels, or with the bare number where
 * no label is given. Labels are our own words (instruments.md §5).
 */
export function numericOptions(min: number, max: number, labels: Readonly<Record<number, string>> = {}): ResponseOption[] {
  const options: ResponseOption[] = [];
  for (let value = min; value <= max; value += 1) {
    options.push({ value, label: labels[value] ?? String(value) });
  }
  return options;
}

/** Shared 0-3 frequency options of the PHQ and GAD families (LOINC answer list LL358-3, instruments.md §2.1). */
export const PHQ_FREQUENCY_OPTIONS: readonly ResponseOption[] = [
  { value: 0, label: 'not at all', text: 'Not at all', loincAnswer: 'LA6568-5' },
  { value: 1, label: 'several days', text: 'Several days', loincAnswer: 'LA6569-3' },
  { value: 2, label: 'more than half the days', text: 'More than half the days', loincAnswer: 'LA6570-1' },
  { value: 3, label: 'nearly every day', text: 'Nearly every day', loincAnswer: 'LA6571-9' },
];

/** Generic 0-4 severity options (none … extreme) in our own words. */
export const NONE_TO_EXTREME_0_4: readonly ResponseOption[] = numericOptions(0, 4, {
  0: 'none',
  1: 'mild',
  2: 'moderate',
  3: 'severe',
  4: 'extreme',
});

/** Yes/no items recorded as 1/0 (C-SSRS screener). */
export const YES_NO_OPTIONS: readonly ResponseOption[] = [
  { value: 0, label: 'no' },
  { value: 1, label: 'yes' },
];

/** Builds items 1..n from short labels with one shared range and option set. */
export function uniformItems(
  shortLabels: readonly string[],
  min: number,
  max: number,
  options: readonly ResponseOption[],
): ItemDefinition[] {
  return shortLabels.map((shortLabel, index) => ({ number: index + 1, shortLabel, min, max, options }));
}
