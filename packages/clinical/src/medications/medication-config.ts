/** Rule 8 medication-flag defaults (clinical.md §15 rule 8, §6.3). CONFIG, signed off by the medical director. */
export interface MedicationFlagConfig {
  /** Warn when the total benzodiazepine dose is above this many mg diazepam-equivalent per day (ROC cut-off of [S34]). */
  benzodiazepineWarnAboveDzeMgPerDay: number;
}

export const DEFAULT_MEDICATION_FLAG_CONFIG: MedicationFlagConfig = {
  benzodiazepineWarnAboveDzeMgPerDay: 8,
};
