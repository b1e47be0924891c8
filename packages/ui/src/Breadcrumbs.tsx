import { type ReactNode } from 'react';

export interface Crumb {
  label: string;
  href?: string;
}

export interface BreadcrumbsProps {
  items: Crumb[];
  /** How to draw a link; a plain anchor unless the app routes itself. */
  renderLink?: (href: string, label: string) => ReactNode;
}

export function Breadcrumbs({ items, renderLink }: BreadcrumbsProps) {
  const link = renderLink ?? ((href: string, label: string) => <a href={href}>{label}</a>);
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {item.href && index < items.length - 1 ? (
              link(item.href, item.label)
            ) : (
              <span aria-current={index === items.length - 1 ? 'page' : undefined}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
