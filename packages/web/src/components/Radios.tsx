import { ChoiceGroup } from './ChoiceGroup';

export interface RadioOption {
  value: string;
  text: string;
  hint?: string;
}

interface RadiosProps {
  /** The first radio gets this id, so an error summary can link to the question. */
  id: string;
  name?: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly RadioOption[];
  defaultValue?: string;
  inline?: boolean;
}

/** NHS radios left to the browser (read from the form's data on submit): ChoiceGroup, uncontrolled. */
export function Radios({ id, name, legend, hint, error, options, defaultValue, inline }: RadiosProps) {
  return (
    <ChoiceGroup
      id={id}
      name={name}
      type="radio"
      legend={legend}
      hint={hint}
      error={error}
      choices={options}
      defaultChosen={defaultValue === undefined ? undefined : [defaultValue]}
      inline={inline}
    />
  );
}
