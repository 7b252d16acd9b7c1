/**
 * Joint procurement's texts (the need page's panel, the invitation, the advisor's groups and
 * queue), in their own module so that they load with the feature's pages, not with the first page
 * (scripts/bundle-size.mjs). Bokmål is the type source for English, as in src/locales. Registered
 * for the locale tests in src/locales/features.ts.
 */
import { featureTexts, useFeatureI18n, type FeatureKey, type Widen } from '../../app/i18n';

const jointNb = {
  invite: {
    action: 'Inviter til felles anskaffelse',
    actionFor: 'Inviter til felles anskaffelse: {need}',
    formLabel: 'Invitasjon til {org}',
    message: 'Hilsen (valgfritt)',
    messageHelp: '{org} får invitasjonen som varsel og ser hilsenen når de svarer.',
    send: 'Send invitasjon',
    sent: 'Invitasjonen er sendt til {org}.',
  },
  status: {
    forming: 'Under etablering',
    active: 'Aktiv',
    dissolved: 'Oppløst',
  },
  state: {
    invited: 'Invitert',
    accepted: 'Medlem',
    declined: 'Takket nei',
    left: 'Gått ut',
  },
  panel: {
    title: 'Felles anskaffelse',
    invitations: 'Invitasjoner til felles anskaffelse',
    invitedBy: '{org} inviterer dere til å anskaffe sammen: «{group}».',
    openInvitation: 'Les invitasjonen og svar',
    publicLine: 'Del av en felles anskaffelse mellom {count} offentlige virksomheter.',
  },
  group: {
    leadIs: 'Ledes av {org}',
    lead: 'Leder',
    members: 'Medlemmer',
    edit: 'Rediger felles behov og volum',
    editTitle: 'Felles behov og volum',
    sharedTitle: 'Felles tittel',
    sharedDescription: 'Felles behovsbeskrivelse',
    combinedUsers: 'Brukere til sammen (anslag)',
    combinedBudget: 'Samlet budsjett (kroner)',
    combinedHelp: 'Hele tall. La feltet stå tomt for å bruke summen av medlemmenes behov.',
    usersSum: 'Brukere, summen av behovene',
    budgetSum: 'Budsjett, summen av behovene',
    handOverTo: 'Ny leder',
    handOver: 'Gi ledelsen videre',
    handedOver: '{org} leder nå den felles anskaffelsen.',
    dissolve: 'Oppløs den felles anskaffelsen',
    dissolveQuestion: 'Oppløse gruppen? Behovene blir stående, men er ikke lenger en felles anskaffelse.',
    dissolved: 'Den felles anskaffelsen er oppløst.',
    leave: 'Gå ut av den felles anskaffelsen',
    leaveQuestion: 'Gå ut? Behovet deres blir stående, men er ikke lenger med i gruppen.',
    left: 'Dere har gått ut av den felles anskaffelsen.',
  },
  invitation: {
    title: 'Invitasjon til felles anskaffelse',
    intro: '{lead} har et behov som ligner behovet til {org}, og foreslår at dere anskaffer sammen: én felles behovsbeskrivelse, ett samlet volum og én ledende innkjøper.',
    leadNeed: 'Behovet til lederen:',
    yourNeed: 'Behovet deres som blir med:',
    message: 'Hilsen fra {person}: {message}',
    dissolved: 'Den felles anskaffelsen er oppløst, så invitasjonen kan ikke lenger besvares.',
    accept: 'Bli med i den felles anskaffelsen',
    decline: 'Takk nei',
    acceptedNotice: 'Dere er med i den felles anskaffelsen «{group}».',
    declinedNotice: 'Dere har takket nei til «{group}».',
    toGroup: 'Se gruppen på siden til {need}',
  },
  advisor: {
    title: 'Felles anskaffelser',
    intro: 'Grupper av innkjøpere som anskaffer sammen, med leder, medlemmer og samlet volum.',
    toSuggestions: 'Forslag om felles innkjøp (lignende behov)',
    groupsLink: 'Se gruppene som er dannet for felles anskaffelse',
    county: 'Fylke (lederens behov)',
    status: 'Status',
    empty: 'Ingen felles anskaffelser med disse valgene. Fjern et valg, eller se forslagene om felles innkjøp.',
    memberCount: 'Medlemmer: {count}',
    users: 'Brukere til sammen: {count}',
  },
};

const jointEn: Widen<typeof jointNb> = {
  invite: {
    action: 'Invite to a joint procurement',
    actionFor: 'Invite to a joint procurement: {need}',
    formLabel: 'Invitation to {org}',
    message: 'Greeting (optional)',
    messageHelp: '{org} is notified of the invitation and reads the greeting when answering.',
    send: 'Send invitation',
    sent: 'The invitation was sent to {org}.',
  },
  status: {
    forming: 'Forming',
    active: 'Active',
    dissolved: 'Dissolved',
  },
  state: {
    invited: 'Invited',
    accepted: 'Member',
    declined: 'Declined',
    left: 'Left',
  },
  panel: {
    title: 'Joint procurement',
    invitations: 'Invitations to a joint procurement',
    invitedBy: '{org} invites you to procure together: “{group}”.',
    openInvitation: 'Read the invitation and answer',
    publicLine: 'Part of a joint procurement by {count} public bodies.',
  },
  group: {
    leadIs: 'Led by {org}',
    lead: 'Lead',
    members: 'Members',
    edit: 'Edit the shared need and volume',
    editTitle: 'Shared need and volume',
    sharedTitle: 'Shared title',
    sharedDescription: 'Shared description of the need',
    combinedUsers: 'Users in all (estimate)',
    combinedBudget: 'Combined budget (NOK)',
    combinedHelp: 'Whole numbers. Leave empty to use the sum of the members’ needs.',
    usersSum: 'Users, the sum of the needs',
    budgetSum: 'Budget, the sum of the needs',
    handOverTo: 'New lead',
    handOver: 'Hand the lead over',
    handedOver: '{org} now leads the joint procurement.',
    dissolve: 'Dissolve the joint procurement',
    dissolveQuestion: 'Dissolve the group? The needs stay, but no longer as a joint procurement.',
    dissolved: 'The joint procurement has been dissolved.',
    leave: 'Leave the joint procurement',
    leaveQuestion: 'Leave? Your need stays, but is no longer part of the group.',
    left: 'You have left the joint procurement.',
  },
  invitation: {
    title: 'Invitation to a joint procurement',
    intro: '{lead} has a need like the need of {org} and suggests procuring together: one shared need text, one combined volume and one lead buyer.',
    leadNeed: 'The lead’s need:',
    yourNeed: 'Your need that would join:',
    message: 'Greeting from {person}: {message}',
    dissolved: 'The joint procurement has been dissolved, so the invitation can no longer be answered.',
    accept: 'Join the joint procurement',
    decline: 'Decline',
    acceptedNotice: 'You are part of the joint procurement “{group}”.',
    declinedNotice: 'You declined “{group}”.',
    toGroup: 'See the group on the page of {need}',
  },
  advisor: {
    title: 'Joint procurements',
    intro: 'Groups of buyers procuring together, with their lead, members and combined volume.',
    toSuggestions: 'Suggestions for joint procurement (similar needs)',
    groupsLink: 'See the groups formed for joint procurement',
    county: 'County (the lead’s need)',
    status: 'Status',
    empty: 'No joint procurements with these choices. Remove a choice, or see the suggestions for joint procurement.',
    memberCount: 'Members: {count}',
    users: 'Users in all: {count}',
  },
};

export const jointTexts = featureTexts('joint', jointNb, jointEn);
export type JointKey = FeatureKey<typeof jointTexts>;

/** `useI18n` whose `t` knows the 'joint.…' texts. */
export const useJointI18n = () => useFeatureI18n(jointTexts);
