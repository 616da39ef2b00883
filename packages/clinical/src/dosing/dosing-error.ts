/** An input or configuration problem that stops a dosing calculation, named by the input field it concerns. */
export interface DosingError {
  field: string;
  message: string;
}
