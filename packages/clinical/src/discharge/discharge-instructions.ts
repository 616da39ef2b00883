/**
 * Discharge instruction content (clinical.md §8, §15 rule 29). Pure content: the
 * server formats the dates in the clinic's time zone and renders the PDF.
 */
import { addMinutes } from '../monitoring/time.ts';
import { DEFAULT_DISCHARGE_CONFIG } from './discharge-config.ts';
import type { DischargeConfig } from './discharge-config.ts';

export type InstructionCode =
  | 'no-driving'
  | 'no-major-decisions'
  | 'no-alcohol'
  | 'no-opioids-benzodiazepines'
  | 'go-home-with-escort'
  | 'emergency-signs'
  | 'clinic-contact';

export interface InstructionItem {
  code: InstructionCode;
  heading: string;
  text: string;
  /** The restriction lasts at least until this instant (the server prints it in local time); null when not time-bound. */
  untilAt: Date | null;
  /** Bibliography codes from clinical.md §14. */
  sources: string[];
}

export interface EmergencyContact {
  /** Who answers, e.g. "Glia Clinic after-hours line". */
  label: string;
  phone: string;
}

export interface DischargeInstructionsInput {
  kind: 'iv-ketamine' | 'esketamine';
  /** Infusion end (IV) or dose time (esketamine): the restrictions count from here. */
  treatmentEndedAt: Date;
  emergencyContact: EmergencyContact;
  config?: DischargeConfig;
}

export interface DischargeInstructions {
  rule: 29;
  title: string;
  items: InstructionItem[];
  emergencyContact: EmergencyContact;
  emergencyServicesNumber: string;
}

const hoursLabel = (hours: number): string => `${hours} hour${hours === 1 ? '' : 's'}`;

/**
 * Builds the rule 29 discharge instructions: no driving or machinery until the next
 * day after a full night's sleep and for at least 24 h (CONFIG), no major decisions
 * for 24 h, no alcohol or cannabis for 24 h, no opioids or benzodiazepines for 4 h
 * unless the clinician directs otherwise (clinic practice), go home with the
 * escort, the emergency warning signs, and the clinic's emergency contact.
 * Each time-bound item carries `untilAt`, counted from the end of treatment.
 * See clinical.md §15 rule 29; sources [S5], [S63], [S44] Nervana.
 */
export function buildDischargeInstructions(input: DischargeInstructionsInput): DischargeInstructions {
  const config = (input.config ?? DEFAULT_DISCHARGE_CONFIG).instructions;
  const from = input.treatmentEndedAt;
  const until = (hours: number): Date => addMinutes(from, hours * 60);
  const medicine = input.kind === 'esketamine' ? 'esketamine (Spravato)' : 'ketamine';
  const items: InstructionItem[] = [
    {
      code: 'no-driving',
      heading: 'No driving',
      text:
        `Do not drive, cycle or operate machinery until the next day after a full night's sleep, ` +
        `and for at least ${hoursLabel(config.noDrivingMinHours)} after your treatment.`,
      untilAt: until(config.noDrivingMinHours),
      sources: ['S5', 'S6', 'S44'],
    },
    {
      code: 'no-major-decisions',
      heading: 'No major decisions',
      text: `Do not make important decisions or sign legal or financial documents for ${hoursLabel(config.noMajorDecisionsHours)}.`,
      untilAt: until(config.noMajorDecisionsHours),
      sources: ['S44', 'S63'],
    },
    {
      code: 'no-alcohol',
      heading: 'No alcohol',
      text: `Do not drink alcohol or use cannabis for ${hoursLabel(config.noAlcoholHours)}.`,
      untilAt: until(config.noAlcoholHours),
      sources: ['S44'],
    },
    {
      code: 'no-opioids-benzodiazepines',
      heading: 'Sedating medicines',
      text:
        `Do not take opioid pain medicines or benzodiazepines (for example lorazepam, alprazolam, diazepam) ` +
        `for ${hoursLabel(config.noOpioidsBenzodiazepinesHours)} unless your clinician has told you to.`,
      untilAt: until(config.noOpioidsBenzodiazepinesHours),
      sources: ['S44'],
    },
    {
      code: 'go-home-with-escort',
      heading: 'Going home',
      text: `Go home with your escort. You may feel unsteady or drowsy for some hours after ${medicine}; have someone stay nearby for the rest of the day.`,
      untilAt: null,
      sources: ['S5', 'S63'],
    },
    {
      code: 'emergency-signs',
      heading: 'When to call for help',
      text:
        `Call ${config.emergencyServicesNumber} at once for chest pain, shortness of breath, a sudden severe headache, ` +
        `changes in vision, a seizure, confusion or weakness on one side of the body.`,
      untilAt: null,
      sources: ['S5'],
    },
    {
      code: 'clinic-contact',
      heading: 'Questions or concerns',
      text: `For other concerns after your treatment, call ${input.emergencyContact.label} on ${input.emergencyContact.phone}.`,
      untilAt: null,
      sources: ['S63'],
    },
  ];
  return {
    rule: 29,
    title: `After your ${medicine} treatment`,
    items,
    emergencyContact: input.emergencyContact,
    emergencyServicesNumber: config.emergencyServicesNumber,
  };
}
