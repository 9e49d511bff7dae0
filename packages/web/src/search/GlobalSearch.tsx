import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearch } from '../api/search';
import { StatusBadge } from '../tickets/StatusBadge';

/** The search box in the top bar: results from tickets, contacts and organizations while typing. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [q] = useDebouncedValue(value, 200);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const tickets = useSearch('tickets', q, 6);
  const contacts = useSearch('contacts', q, 4);
  const orgs = useSearch('organizations', q, 3);
  const loading = tickets.isFetching || contacts.isFetching || orgs.isFetching;
  const has = q.trim().length > 0;

  function go(to: string) {
    combobox.closeDropdown();
    setValue('');
    (document.activeElement as HTMLElement | null)?.blur();
    navigate(to);
  }

  const empty = has && !loading && !tickets.data?.length && !contacts.data?.length && !orgs.data?.length;

  return (
    <Combobox store={combobox} onOptionSubmit={go} width={460} position="bottom-start">
      <Combobox.Target>
        <TextInput
          id="global-search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={14} />}
          rightSection={loading ? <Loader size={12} /> : null}
          value={value}
          w={{ base: 200, sm: 340, lg: 460 }}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => has && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              combobox.closeDropdown();
              e.currentTarget.blur();
            }
            if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && value.trim()) {
              e.preventDefault();
              go(`/search?q=${encodeURIComponent(value.trim())}`);
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!has}>
        <Combobox.Options aria-label={t('search.results')}>
          {!!tickets.data?.length && (
            <Combobox.Group label={t('search.tickets')}>
              {tickets.data.map((h) => (
                <Combobox.Option key={h.id} value={`/tickets/${h.id}`}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" w={48}>#{h.number}</Text>
                    <Text size="sm" truncate style={{ flex: 1 }}>{h.subject}</Text>
                    <StatusBadge status={h.status} />
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          )}
          {!!contacts.data?.length && (
            <Combobox.Group label={t('search.contacts')}>
              {contacts.data.map((h) => (
                <Combobox.Option key={h.id} value={`/customers/${h.id}`}>
                  <Text size="sm" truncate>{h.name}{h.email ? ` · ${h.email}` : ''}</Text>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          )}
          {!!orgs.data?.length && (
            <Combobox.Group label={t('search.organizations')}>
              {orgs.data.map((h) => (
                <Combobox.Option key={h.id} value={`/organizations/${h.id}`}>
                  <Text size="sm" truncate>{h.name}</Text>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          )}
          {empty && <Combobox.Empty>{t('search.noResults')}</Combobox.Empty>}
          {has && (
            <Combobox.Option value={`/search?q=${encodeURIComponent(q.trim())}`}>
              <Text size="sm" c="indigo">{t('search.allResults', { q: q.trim() })}</Text>
            </Combobox.Option>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
