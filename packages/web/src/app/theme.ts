import { ActionIcon, Badge, Button, Checkbox, createTheme, Menu, MultiSelect, NumberInput, PasswordInput, Select, Table, TagsInput, Textarea, TextInput, Tooltip } from '@mantine/core';

/** A calm, dense theme: small controls, system font, one accent colour. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  headings: { sizes: { h1: { fontSize: '1.25rem' }, h2: { fontSize: '1.0625rem' }, h3: { fontSize: '0.9375rem' }, h4: { fontSize: '0.875rem' } } },
  focusRing: 'auto',
  components: {
    Button: Button.extend({ defaultProps: { size: 'xs' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 'md', variant: 'subtle', color: 'gray' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'xs' } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'xs' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'xs' } }),
    NumberInput: NumberInput.extend({ defaultProps: { size: 'xs' } }),
    Select: Select.extend({ defaultProps: { size: 'xs', allowDeselect: false, comboboxProps: { withinPortal: true } } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { size: 'xs' } }),
    TagsInput: TagsInput.extend({ defaultProps: { size: 'xs' } }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'xs' } }),
    Badge: Badge.extend({ defaultProps: { size: 'sm', radius: 'sm', variant: 'light' } }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 4, horizontalSpacing: 'xs', fz: 'sm' } }),
    Menu: Menu.extend({ defaultProps: { shadow: 'md', withinPortal: true } }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 400, withinPortal: true } }),
  },
});
