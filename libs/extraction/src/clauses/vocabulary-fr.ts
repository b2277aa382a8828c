/**
 * French words of the clause vocabulary (issue 7): the OTA corpus holds privacy policies of French services (Orange,
 * Cdiscount, Tchap, RueduCommerce …) that the English vocabulary cannot read. Merged into VOCABULARY's `exact` entries
 * (vocabulary.ts) under the same categories and kinds, so every reader of clauses sees them. French verbs are listed in
 * the forms the policies use (participles in their four agreements, the infinitive, "nous" forms), not inflected: the
 * English inflection would make no French word. Only words that are not also English words: "communication",
 * "information" or "transmission" would change English readings.
 */
export const FRENCH: Record<string, Record<string, string[]>> = {
  actor: {
    // "vous" is the user as subject or as the one who receives ("qui vous sera communiquée": given to the user). Not the
    // possessive "vos": "vos données sont transmises" is the user's data, not the user acting.
    customer: ['vous'],
    authority: [
      'autorités compétentes', 'autorité compétente', 'autorités judiciaires', 'autorité judiciaire', 'autorités administratives', 'autorité administrative',
      'autorités publiques', 'autorité publique', 'autorités', 'autorité', 'organismes gouvernementaux', 'forces de police', 'gendarmerie', 'tribunaux',
    ],
  },
  action: {
    disclose: [
      'transmises', 'transmis', 'transmise', 'transmettre', 'transmettons', 'communiquées', 'communiqués', 'communiquée', 'communiqué', 'communiquer', 'communiquons',
      'divulguées', 'divulgués', 'divulguer', 'divulguons', 'partagées', 'partagés', 'partager', 'partageons', 'transférées', 'transférés', 'transférer', 'transférons',
    ],
    // Deleted, erased, destroyed: participles and verbs only (the nouns "suppression", "effacement" name the user's right
    // to erasure as often as the vendor's act).
    delete: ['supprimées', 'supprimés', 'supprimée', 'supprimé', 'supprimer', 'supprimons', 'effacées', 'effacés', 'effacée', 'effacer', 'détruites', 'détruits', 'détruire'],
    // Kept: "Les données de profil sont conservées 36 mois après la désactivation d’un compte".
    retain: ['conservées', 'conservés', 'conservée', 'conservé', 'conserver', 'conservons'],
    deidentify: [
      'anonymisées', 'anonymisés', 'anonymisée', 'anonymisé', 'anonymiser', 'anonymisation', 'agrégées', 'agrégés', 'agrégée', 'agrégé', 'agréger', 'anonymes',
      'statistiques anonymes', 'pseudonymisées', 'pseudonymisés',
    ],
  },
  object: {
    personal: ['données', 'données personnelles', 'données à caractère personnel', 'vos données', 'informations personnelles', 'vos informations', 'coordonnées', 'vos coordonnées'],
  },
  instrument: {
    judicial: ['décision de justice', 'décisions de justice', 'commission rogatoire', 'ordonnance judiciaire', 'mandat judiciaire'],
    legal_request: [
      'procédures judiciaires', 'procédure judiciaire', 'réquisitions', 'réquisition', 'réquisitions judiciaires', 'réquisition judiciaire', 'recherches judiciaires',
      'enquêtes judiciaires', 'demandes des autorités', 'demande des autorités', 'à leur demande',
    ],
    by_law: [
      'obligations légales', 'obligation légale', 'obligations légales et réglementaires', 'requis par la loi', 'exigé par la loi', 'imposé par la loi',
      'prévu par la loi', 'dispositions légales', 'en application de la loi',
    ],
  },
  modal: {
    may: ['peuvent', 'peut', 'pouvons', 'susceptibles', 'susceptible'],
    will: ['doivent', 'devons'],
  },
  // "ne … pas", "ne … jamais": the second word stands before the participle ("ne sont pas transmises"), where the negation
  // reader looks. "ne … que" (only) has none of these and is no refusal.
  negation: { not: ['pas', 'jamais', 'aucun', 'aucune'] },
  exception: { except: ['sauf', 'excepté', 'hormis', 'à moins'] },
};
