import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import { useSearch } from '../api/search';
import type { Contact, Organization } from '../api/types';

interface Props {
  kind: 'contacts' | 'organizations';
  label: string;
  value: string | null;
  onChange(id: string | null): void;
  error?: string;
  placeholder?: string;
}

/** Picks a contact or organization by typing part of its name (server-side fuzzy search). */
export function EntityPicker({ kind, label, value, onChange, error, placeholder }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const hits = useSearch(kind, q, 10);
  const current = useQuery({
    queryKey: kind === 'contacts' ? keys.contact(value ?? '') : keys.organization(value ?? ''),
    queryFn: () => api<Contact | Organization>(`/api/v1/${kind}/${value}`),
    enabled: !!value,
    staleTime: 60_000,
  });
  const labelOf = (e: { name: string; email?: string | null }) => (e.email ? `${e.name || e.email} <${e.email}>` : e.name);
  const options = (hits.data ?? []).map((h) => ({ value: h.id, label: labelOf(h as { name: string; email?: string | null }) }));
  if (value && current.data && !options.some((o) => o.value === value)) options.unshift({ value, label: labelOf(current.data as { name: string; email?: string | null }) });
  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      allowDeselect
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={q ? t('search.noResults') : t('search.typeToSearch')}
      placeholder={placeholder ?? t('search.typeToSearch')}
      error={error}
    />
  );
}
