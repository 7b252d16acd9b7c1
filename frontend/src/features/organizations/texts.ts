/**
 * The organisation profile's texts (the contact on an organisation's page and its
 * administrators' form), in their own module so that they load with the page, not with the first
 * page (scripts/bundle-size.mjs). Bokmål is the type source for English, as in src/locales.
 * Registered for the locale tests in src/locales/features.ts.
 */
import { featureTexts, useFeatureI18n, type FeatureKey, type Widen } from '../../app/i18n';

const profileNb = {
  contact: 'Kontakt',
  phone: 'Telefon',
  email: 'E-post',
  postcode: 'Postnummer',
  noContact: 'Virksomheten har ikke oppgitt kontaktinformasjon. Gi telefon, e-post og postnummer under, så følger de med i kunngjøringene deres.',
  edit: 'Endre profil og kontakt',
  formTitle: 'Profil og kontakt',
  formIntro:
    'Dette vises offentlig på virksomhetens side og i kunngjøringene av behovene deres. En kunngjøring over EØS-terskelverdien må ha telefon, e-post og postnummer. Navn, organisasjonsnummer, type og sted endres av en rådgiver i LUP.',
  website: 'Nettside',
  description: 'Om virksomheten',
  phoneHint: 'Sentralbord eller et felles nummer, for eksempel +47 55 56 55 56.',
  emailHint: 'En felles postkasse, for eksempel postmottak@kommune.no.',
  postcodeHint: 'Fire sifre: postnummeret i virksomhetens adresse.',
  save: 'Lagre profilen',
  cancel: 'Avbryt',
  saved: 'Profilen er lagret.',
  published: 'Publisert av virksomheten',
  needs: 'Behov',
  solutions: 'Løsninger',
  nothingPublished: 'Virksomheten har ikke publisert behov eller løsninger ennå. Søk i alle behov og løsninger på forsiden.',
  search: 'Søk i behov og løsninger',
  errors: {
    postcode: 'Et postnummer har nøyaktig 4 sifre.',
    phone: 'Skriv telefonnummeret med 8 til 15 sifre, for eksempel +47 55 56 55 56.',
  },
};

const profileEn: Widen<typeof profileNb> = {
  contact: 'Contact',
  phone: 'Telephone',
  email: 'E-mail',
  postcode: 'Postcode',
  noContact: 'The organisation has not given its contact details. Give a telephone number, an e-mail address and a postcode below, and they go with your notices.',
  edit: 'Change profile and contact',
  formTitle: 'Profile and contact',
  formIntro:
    "This is public on the organisation's page and in the notices of its needs. A notice above the EEA threshold must give a telephone number, an e-mail address and a postcode. The name, organisation number, type and location are changed by a LUP advisor.",
  website: 'Website',
  description: 'About the organisation',
  phoneHint: 'A switchboard or a shared number, e.g. +47 55 56 55 56.',
  emailHint: 'A shared mailbox, e.g. postmottak@kommune.no.',
  postcodeHint: "Four digits: the postcode of the organisation's address.",
  save: 'Save the profile',
  cancel: 'Cancel',
  saved: 'The profile is saved.',
  published: 'Published by the organisation',
  needs: 'Needs',
  solutions: 'Solutions',
  nothingPublished: 'The organisation has not published needs or solutions yet. Search all needs and solutions on the front page.',
  search: 'Search needs and solutions',
  errors: {
    postcode: 'A postcode has exactly 4 digits.',
    phone: 'Write the telephone number with 8 to 15 digits, e.g. +47 55 56 55 56.',
  },
};

export const profileTexts = featureTexts('profile', profileNb, profileEn);
export type ProfileKey = FeatureKey<typeof profileTexts>;

export function useProfileI18n() {
  return useFeatureI18n(profileTexts);
}
