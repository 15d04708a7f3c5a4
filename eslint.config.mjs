import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    // The public pages are rendered to static HTML by server/render.tsx, outside Next's router.
    files: ["components/pages/**"],
    rules: {
      "@next/next/no-head-element": "off",
      "@next/next/no-html-link-for-pages": "off",
      "@next/next/no-img-element": "off",
    },
  },
  {
    // Visitors read the public pieces in their own language: every word comes from the message
    // catalogue (messages/<locale>.json, through useT()), never a literal in the markup. Only
    // punctuation and spacing between pieces may be written in place.
    files: ["components/pages/**/*.tsx", "components/status/**/*.tsx", "components/incidents/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: false,
          ignoreProps: true,
          allowedStrings: ["·", " · ", "–", " – ", "(", ")", ":", ",", "/"],
        },
      ],
    },
  },
  {
    // The staff area is English for now, but its words live in the same catalogue (the `staff.`
    // keys of messages/en.json, through staffT() or <StaffRich/>) so a translation only adds
    // catalogue entries. Neither markup text nor a worded label, hint, title or placeholder is
    // written in place; punctuation and spacing between pieces may be.
    files: [
      "components/admin/**/*.tsx",
      "components/auth/**/*.tsx",
      "app/(admin)/**/*.tsx",
      "app/(auth)/**/*.tsx",
      "app/forbidden.tsx",
    ],
    rules: {
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: false,
          ignoreProps: true,
          allowedStrings: ["·", " · ", "–", " – ", "(", ")", ":", ",", "/", "›", "→", "…", "↑", "↓"],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "JSXAttribute[name.name=/^(label|legend|hint|placeholder|title|alt|aria-label|ariaLabel|confirmLabel|emptyLabel|heading|empty)$/] > Literal[value=/[A-Za-z]{2}/]:not([value=/^(https?:|#)/])",
          message: 'Staff words come from the catalogue: staffT("staff.…") (messages/en.json), not a literal.',
        },
        {
          selector:
            "JSXAttribute[name.name=/^(label|legend|hint|placeholder|title|alt|aria-label|ariaLabel|confirmLabel|emptyLabel|heading|empty)$/] TemplateElement[value.raw=/[A-Za-z]{2}/]",
          message: 'Staff words come from the catalogue: staffT("staff.…", { … }) (messages/en.json), not a template.',
        },
      ],
    },
  },
  {
    // One data access layer: pages, actions, route handlers and components read through a read
    // model in lib/views or call a verb in lib/, so the database's shape stays behind lib/.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "**/db/client", "**/db/queries/*"],
              message:
                "Pages and components do not query the database: use a read model in lib/views (or lib/views/rows for row types) or a verb in lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      "node_modules/",
      ".next/",
      "dist/",
      "bench/",
      "e2e/.artifacts/",
      "test-results/",
      "next-env.d.ts",
      "db/migrations/",
    ],
  },
];
export default config;
