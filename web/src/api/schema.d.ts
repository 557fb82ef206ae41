/**
 * Generated from the server's OpenAPI document by scripts/api-types.ts (npm run api:types).
 * Do not edit: change the route's zod schema and regenerate.
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with e-mail and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                                /** @enum {string} */
                                locale: "fr" | "en" | "ro" | "ru" | "sv";
                                organisationId: string | null;
                                brandIds: string[];
                            };
                            csrfToken: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End all of the user's sessions, on every device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endedSessions: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a single-use link to reset the password of the account with this address (same answer whether or not there is one) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            sent: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset link's token (once, within an hour); every session of the user ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                                /** @enum {string} */
                                locale: "fr" | "en" | "ro" | "ru" | "sv";
                                organisationId: string | null;
                                brandIds: string[];
                            };
                            csrfToken: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the user's own settings (language) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        locale: "fr" | "en" | "ro" | "ru" | "sv";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                                /** @enum {string} */
                                locale: "fr" | "en" | "ro" | "ru" | "sv";
                                organisationId: string | null;
                                brandIds: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/brands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brands the administrator manages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                slug: string;
                                name: string;
                                country: string;
                                supportEmail: string | null;
                                phone: string | null;
                                postalAddress: string;
                                locales: ("fr" | "en" | "ro" | "ru" | "sv")[];
                                /** @enum {string} */
                                defaultLocale: "fr" | "en" | "ro" | "ru" | "sv";
                                timeZone: string;
                                ticketNumberFormat: string;
                                ticketNumberExample: string;
                                primaryColour: string | null;
                                primaryTextColour: string | null;
                                logoUrl: string | null;
                                intakeForm: {
                                    /** @default false */
                                    serialsRequired: boolean;
                                    /** @default [] */
                                    fields: {
                                        key: string;
                                        /** @enum {string} */
                                        type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                        /** @default false */
                                        required: boolean;
                                        label: {
                                            [key: string]: string;
                                        };
                                        help?: {
                                            [key: string]: string;
                                        };
                                        options?: {
                                            value: string;
                                            label: {
                                                [key: string]: string;
                                            };
                                        }[];
                                        maxLength?: number;
                                    }[];
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/brands/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One brand with everything an administrator edits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            name: string;
                            country: string;
                            supportEmail: string | null;
                            phone: string | null;
                            postalAddress: string;
                            locales: ("fr" | "en" | "ro" | "ru" | "sv")[];
                            /** @enum {string} */
                            defaultLocale: "fr" | "en" | "ro" | "ru" | "sv";
                            timeZone: string;
                            ticketNumberFormat: string;
                            ticketNumberExample: string;
                            primaryColour: string | null;
                            primaryTextColour: string | null;
                            logoUrl: string | null;
                            intakeForm: {
                                /** @default false */
                                serialsRequired: boolean;
                                /** @default [] */
                                fields: {
                                    key: string;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                    /** @default false */
                                    required: boolean;
                                    label: {
                                        [key: string]: string;
                                    };
                                    help?: {
                                        [key: string]: string;
                                    };
                                    options?: {
                                        value: string;
                                        label: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    maxLength?: number;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Save a brand's name, addresses, languages, time zone, number format and colour */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        supportEmail: string | null;
                        phone: string | null;
                        postalAddress: string;
                        locales: string[];
                        defaultLocale: string;
                        timeZone: string;
                        ticketNumberFormat: string;
                        primaryColour: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            name: string;
                            country: string;
                            supportEmail: string | null;
                            phone: string | null;
                            postalAddress: string;
                            locales: ("fr" | "en" | "ro" | "ru" | "sv")[];
                            /** @enum {string} */
                            defaultLocale: "fr" | "en" | "ro" | "ru" | "sv";
                            timeZone: string;
                            ticketNumberFormat: string;
                            ticketNumberExample: string;
                            primaryColour: string | null;
                            primaryTextColour: string | null;
                            logoUrl: string | null;
                            intakeForm: {
                                /** @default false */
                                serialsRequired: boolean;
                                /** @default [] */
                                fields: {
                                    key: string;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                    /** @default false */
                                    required: boolean;
                                    label: {
                                        [key: string]: string;
                                    };
                                    help?: {
                                        [key: string]: string;
                                    };
                                    options?: {
                                        value: string;
                                        label: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    maxLength?: number;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/brands/{id}/intake-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the brand's intake form (fields, required, labels and help in its languages) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        serialsRequired?: boolean;
                        /** @default [] */
                        fields?: {
                            key: string;
                            /** @enum {string} */
                            type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                            /** @default false */
                            required?: boolean;
                            label: {
                                [key: string]: string;
                            };
                            help?: {
                                [key: string]: string;
                            };
                            options?: {
                                value: string;
                                label: {
                                    [key: string]: string;
                                };
                            }[];
                            maxLength?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            name: string;
                            country: string;
                            supportEmail: string | null;
                            phone: string | null;
                            postalAddress: string;
                            locales: ("fr" | "en" | "ro" | "ru" | "sv")[];
                            /** @enum {string} */
                            defaultLocale: "fr" | "en" | "ro" | "ru" | "sv";
                            timeZone: string;
                            ticketNumberFormat: string;
                            ticketNumberExample: string;
                            primaryColour: string | null;
                            primaryTextColour: string | null;
                            logoUrl: string | null;
                            intakeForm: {
                                /** @default false */
                                serialsRequired: boolean;
                                /** @default [] */
                                fields: {
                                    key: string;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                    /** @default false */
                                    required: boolean;
                                    label: {
                                        [key: string]: string;
                                    };
                                    help?: {
                                        [key: string]: string;
                                    };
                                    options?: {
                                        value: string;
                                        label: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    maxLength?: number;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/brands/{id}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload the brand logo (multipart field `file`: PNG, JPEG, GIF or WebP, at most 256 KiB) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            name: string;
                            country: string;
                            supportEmail: string | null;
                            phone: string | null;
                            postalAddress: string;
                            locales: ("fr" | "en" | "ro" | "ru" | "sv")[];
                            /** @enum {string} */
                            defaultLocale: "fr" | "en" | "ro" | "ru" | "sv";
                            timeZone: string;
                            ticketNumberFormat: string;
                            ticketNumberExample: string;
                            primaryColour: string | null;
                            primaryTextColour: string | null;
                            logoUrl: string | null;
                            intakeForm: {
                                /** @default false */
                                serialsRequired: boolean;
                                /** @default [] */
                                fields: {
                                    key: string;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                    /** @default false */
                                    required: boolean;
                                    label: {
                                        [key: string]: string;
                                    };
                                    help?: {
                                        [key: string]: string;
                                    };
                                    options?: {
                                        value: string;
                                        label: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    maxLength?: number;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        /** Remove the brand logo */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            name: string;
                            country: string;
                            supportEmail: string | null;
                            phone: string | null;
                            postalAddress: string;
                            locales: ("fr" | "en" | "ro" | "ru" | "sv")[];
                            /** @enum {string} */
                            defaultLocale: "fr" | "en" | "ro" | "ru" | "sv";
                            timeZone: string;
                            ticketNumberFormat: string;
                            ticketNumberExample: string;
                            primaryColour: string | null;
                            primaryTextColour: string | null;
                            logoUrl: string | null;
                            intakeForm: {
                                /** @default false */
                                serialsRequired: boolean;
                                /** @default [] */
                                fields: {
                                    key: string;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                    /** @default false */
                                    required: boolean;
                                    label: {
                                        [key: string]: string;
                                    };
                                    help?: {
                                        [key: string]: string;
                                    };
                                    options?: {
                                        value: string;
                                        label: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    maxLength?: number;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/brands/{id}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand's logo (public: shown before anyone signs in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image (binary): image/png, image/jpeg, image/gif or image/webp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/brands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Brands the user works for or is a customer of */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                slug: string;
                                name: string;
                                country: string;
                                timeZone: string;
                                defaultLocale: string;
                                locales: string[];
                                phone: string | null;
                                supportEmail: string | null;
                                ticketNumberExample: string;
                                intakeForm: {
                                    /** @default false */
                                    serialsRequired: boolean;
                                    /** @default [] */
                                    fields: {
                                        key: string;
                                        /** @enum {string} */
                                        type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                        /** @default false */
                                        required: boolean;
                                        label: {
                                            [key: string]: string;
                                        };
                                        help?: {
                                            [key: string]: string;
                                        };
                                        options?: {
                                            value: string;
                                            label: {
                                                [key: string]: string;
                                            };
                                        }[];
                                        maxLength?: number;
                                    }[];
                                };
                                primaryColour: string | null;
                                primaryTextColour: string | null;
                                logoUrl: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/brands/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One brand with its intake form */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            slug: string;
                            name: string;
                            country: string;
                            timeZone: string;
                            defaultLocale: string;
                            locales: string[];
                            phone: string | null;
                            supportEmail: string | null;
                            ticketNumberExample: string;
                            intakeForm: {
                                /** @default false */
                                serialsRequired: boolean;
                                /** @default [] */
                                fields: {
                                    key: string;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                    /** @default false */
                                    required: boolean;
                                    label: {
                                        [key: string]: string;
                                    };
                                    help?: {
                                        [key: string]: string;
                                    };
                                    options?: {
                                        value: string;
                                        label: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    maxLength?: number;
                                }[];
                            };
                            primaryColour: string | null;
                            primaryTextColour: string | null;
                            logoUrl: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/law-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a brand's after-sales settings conflict with the consumer law of the countries it sells to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                brandId: string;
                                brandName: string;
                                countries: string[];
                                findings: {
                                    /** @enum {string} */
                                    finding: "seller_chooses_remedy" | "refurbished_without_consent" | "return_shipping_charged" | "diagnostic_fee_charged" | "dispute_denies_legal_guarantee";
                                    country: string;
                                    setting: string;
                                    article: string;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tickets the user may see (queue or my tickets), cursor-paginated */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                    status?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed") | ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                    groupId?: string;
                    assigneeId?: "me" | "none" | string;
                    requesterId?: string;
                    /** @description Opened at or after this instant */
                    createdFrom?: string;
                    /** @description Opened before this instant */
                    createdBefore?: string;
                    /** @description due: the nearest service-level due time first, then first come (the desk's default); newest or oldest by opening (newest is the portal's default) */
                    sort?: "due" | "newest" | "oldest";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                number: string;
                                brandId: string;
                                brandName: string;
                                timeZone: string;
                                subject: string;
                                /** @enum {string} */
                                status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                                /** @enum {string} */
                                priority: "low" | "normal" | "high" | "urgent";
                                /** @enum {string} */
                                channel: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                                requester: {
                                    id: string;
                                    name: string;
                                    email: string;
                                };
                                assignee: {
                                    id: string;
                                    name: string;
                                } | null;
                                group: {
                                    id: string;
                                    name: string;
                                } | null;
                                createdAt: string;
                                updatedAt: string;
                                sla?: {
                                    /** @enum {string} */
                                    kind: "first_response" | "next_update" | "resolution" | "callback";
                                    dueAt: string;
                                    /** @enum {string} */
                                    state: "ok" | "warning" | "breached" | "paused";
                                    workingMinutesLeft: number;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Open a ticket (portal) or log one on behalf of a customer (desk)
         * @description Send an `Idempotency-Key` header to make retries safe: the same key returns the first result.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description A new ticket. Portal users open it for themselves; staff log it on behalf of a requester. */
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        subject: string;
                        description: string;
                        /** @default [] */
                        serialNumbers?: string[];
                        /** @default {} */
                        customFields?: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        channel?: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                        /** Format: uuid */
                        requesterId?: string;
                        /** Format: email */
                        requesterEmail?: string;
                        requesterName?: string;
                        /** @enum {string} */
                        requesterLocale?: "fr" | "en" | "ro" | "ru" | "sv";
                        /** @default [] */
                        attachmentIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            brandId: string;
                            brandName: string;
                            timeZone: string;
                            subject: string;
                            /** @enum {string} */
                            status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            channel: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                            requester: {
                                id: string;
                                name: string;
                                email: string;
                            };
                            assignee: {
                                id: string;
                                name: string;
                            } | null;
                            group: {
                                id: string;
                                name: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sla?: {
                                /** @enum {string} */
                                kind: "first_response" | "next_update" | "resolution" | "callback";
                                dueAt: string;
                                /** @enum {string} */
                                state: "ok" | "warning" | "breached" | "paused";
                                workingMinutesLeft: number;
                            } | null;
                            description: string;
                            serialNumbers: string[];
                            customFields: {
                                [key: string]: unknown;
                            };
                            organisation: {
                                id: string;
                                name: string;
                            } | null;
                            openedBy: {
                                id: string;
                                name: string;
                                role: string;
                                organisation?: string | null;
                            } | null;
                            mergedInto: {
                                id: string;
                                number: string;
                            } | null;
                            allowedTransitions: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                            acceptedAt: string | null;
                            resolvedAt: string | null;
                            closedAt: string | null;
                            confirmationRequestedAt: string | null;
                            confirmedAt: string | null;
                            attachments: {
                                id: string;
                                filename: string;
                                contentType: string;
                                sizeBytes: number;
                                sha256: string;
                                contentId?: string | null;
                                inline?: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a ticket by its number (a mistyped check digit answers 400) */
        get: {
            parameters: {
                query: {
                    number: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            brandId: string;
                            brandName: string;
                            timeZone: string;
                            subject: string;
                            /** @enum {string} */
                            status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            channel: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                            requester: {
                                id: string;
                                name: string;
                                email: string;
                            };
                            assignee: {
                                id: string;
                                name: string;
                            } | null;
                            group: {
                                id: string;
                                name: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sla?: {
                                /** @enum {string} */
                                kind: "first_response" | "next_update" | "resolution" | "callback";
                                dueAt: string;
                                /** @enum {string} */
                                state: "ok" | "warning" | "breached" | "paused";
                                workingMinutesLeft: number;
                            } | null;
                            description: string;
                            serialNumbers: string[];
                            customFields: {
                                [key: string]: unknown;
                            };
                            organisation: {
                                id: string;
                                name: string;
                            } | null;
                            openedBy: {
                                id: string;
                                name: string;
                                role: string;
                                organisation?: string | null;
                            } | null;
                            mergedInto: {
                                id: string;
                                number: string;
                            } | null;
                            allowedTransitions: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                            acceptedAt: string | null;
                            resolvedAt: string | null;
                            closedAt: string | null;
                            confirmationRequestedAt: string | null;
                            confirmedAt: string | null;
                            attachments: {
                                id: string;
                                filename: string;
                                contentType: string;
                                sizeBytes: number;
                                sha256: string;
                                contentId?: string | null;
                                inline?: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Full-text search over tickets and conversations; numbers, serials, e-mail addresses */
        get: {
            parameters: {
                query: {
                    q: string;
                    brandId?: string;
                    status?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed") | ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                    groupId?: string;
                    assigneeId?: "me" | "none" | string;
                    /** @description Opened at or after this instant */
                    createdFrom?: string;
                    /** @description Opened before this instant */
                    createdBefore?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                number: string;
                                brandId: string;
                                brandName: string;
                                timeZone: string;
                                subject: string;
                                /** @enum {string} */
                                status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                                /** @enum {string} */
                                priority: "low" | "normal" | "high" | "urgent";
                                /** @enum {string} */
                                channel: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                                requester: {
                                    id: string;
                                    name: string;
                                    email: string;
                                };
                                assignee: {
                                    id: string;
                                    name: string;
                                } | null;
                                group: {
                                    id: string;
                                    name: string;
                                } | null;
                                createdAt: string;
                                updatedAt: string;
                                sla?: {
                                    /** @enum {string} */
                                    kind: "first_response" | "next_update" | "resolution" | "callback";
                                    dueAt: string;
                                    /** @enum {string} */
                                    state: "ok" | "warning" | "breached" | "paused";
                                    workingMinutesLeft: number;
                                } | null;
                                rank: number;
                                /** @description The subject cut into runs, the matched words marked */
                                subjectHighlight: {
                                    text: string;
                                    match: boolean;
                                }[];
                                /** @description An excerpt of the description around the matched words */
                                headline: {
                                    text: string;
                                    match: boolean;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            brandId: string;
                            brandName: string;
                            timeZone: string;
                            subject: string;
                            /** @enum {string} */
                            status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            channel: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                            requester: {
                                id: string;
                                name: string;
                                email: string;
                            };
                            assignee: {
                                id: string;
                                name: string;
                            } | null;
                            group: {
                                id: string;
                                name: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sla?: {
                                /** @enum {string} */
                                kind: "first_response" | "next_update" | "resolution" | "callback";
                                dueAt: string;
                                /** @enum {string} */
                                state: "ok" | "warning" | "breached" | "paused";
                                workingMinutesLeft: number;
                            } | null;
                            description: string;
                            serialNumbers: string[];
                            customFields: {
                                [key: string]: unknown;
                            };
                            organisation: {
                                id: string;
                                name: string;
                            } | null;
                            openedBy: {
                                id: string;
                                name: string;
                                role: string;
                                organisation?: string | null;
                            } | null;
                            mergedInto: {
                                id: string;
                                number: string;
                            } | null;
                            allowedTransitions: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                            acceptedAt: string | null;
                            resolvedAt: string | null;
                            closedAt: string | null;
                            confirmationRequestedAt: string | null;
                            confirmedAt: string | null;
                            attachments: {
                                id: string;
                                filename: string;
                                contentType: string;
                                sizeBytes: number;
                                sha256: string;
                                contentId?: string | null;
                                inline?: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change status, priority, group, assignee or subject */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        groupId?: string | null;
                        assigneeId?: string | null;
                        subject?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            brandId: string;
                            brandName: string;
                            timeZone: string;
                            subject: string;
                            /** @enum {string} */
                            status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            channel: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                            requester: {
                                id: string;
                                name: string;
                                email: string;
                            };
                            assignee: {
                                id: string;
                                name: string;
                            } | null;
                            group: {
                                id: string;
                                name: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sla?: {
                                /** @enum {string} */
                                kind: "first_response" | "next_update" | "resolution" | "callback";
                                dueAt: string;
                                /** @enum {string} */
                                state: "ok" | "warning" | "breached" | "paused";
                                workingMinutesLeft: number;
                            } | null;
                            description: string;
                            serialNumbers: string[];
                            customFields: {
                                [key: string]: unknown;
                            };
                            organisation: {
                                id: string;
                                name: string;
                            } | null;
                            openedBy: {
                                id: string;
                                name: string;
                                role: string;
                                organisation?: string | null;
                            } | null;
                            mergedInto: {
                                id: string;
                                number: string;
                            } | null;
                            allowedTransitions: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                            acceptedAt: string | null;
                            resolvedAt: string | null;
                            closedAt: string | null;
                            confirmationRequestedAt: string | null;
                            confirmedAt: string | null;
                            attachments: {
                                id: string;
                                filename: string;
                                contentType: string;
                                sizeBytes: number;
                                sha256: string;
                                contentId?: string | null;
                                inline?: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tickets/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this ticket into another one of the same brand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        intoTicketId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            brandId: string;
                            brandName: string;
                            timeZone: string;
                            subject: string;
                            /** @enum {string} */
                            status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            channel: "email" | "portal" | "web_form" | "phone" | "fax" | "postal" | "onsite";
                            requester: {
                                id: string;
                                name: string;
                                email: string;
                            };
                            assignee: {
                                id: string;
                                name: string;
                            } | null;
                            group: {
                                id: string;
                                name: string;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sla?: {
                                /** @enum {string} */
                                kind: "first_response" | "next_update" | "resolution" | "callback";
                                dueAt: string;
                                /** @enum {string} */
                                state: "ok" | "warning" | "breached" | "paused";
                                workingMinutesLeft: number;
                            } | null;
                            description: string;
                            serialNumbers: string[];
                            customFields: {
                                [key: string]: unknown;
                            };
                            organisation: {
                                id: string;
                                name: string;
                            } | null;
                            openedBy: {
                                id: string;
                                name: string;
                                role: string;
                                organisation?: string | null;
                            } | null;
                            mergedInto: {
                                id: string;
                                number: string;
                            } | null;
                            allowedTransitions: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                            acceptedAt: string | null;
                            resolvedAt: string | null;
                            closedAt: string | null;
                            confirmationRequestedAt: string | null;
                            confirmedAt: string | null;
                            attachments: {
                                id: string;
                                filename: string;
                                contentType: string;
                                sizeBytes: number;
                                sha256: string;
                                contentId?: string | null;
                                inline?: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                kind: "customer_message" | "agent_reply" | "internal_note" | "phone_note" | "system";
                                body: string;
                                author: {
                                    id: string;
                                    name: string;
                                    role: string;
                                    organisation?: string | null;
                                } | null;
                                onBehalfOf?: {
                                    id: string;
                                    name: string;
                                } | null;
                                createdAt: string;
                                attachments: {
                                    id: string;
                                    filename: string;
                                    contentType: string;
                                    sizeBytes: number;
                                    sha256: string;
                                    contentId?: string | null;
                                    inline?: boolean;
                                }[];
                                channel: "email" | null;
                                fromAddress: string | null;
                                htmlBody: string | null;
                                autoSubmitted: boolean;
                                delivery: {
                                    /** @enum {string} */
                                    status: "queued" | "sent" | "failed" | "held" | "suppressed" | "outbox";
                                    error: string | null;
                                    sentAt: string | null;
                                    to: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a message, reply, internal note or phone note */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "customer_message" | "agent_reply" | "internal_note" | "phone_note";
                        body: string;
                        /** @default [] */
                        attachmentIds?: string[];
                        /**
                         * @description Staff only: the status the ticket takes once the entry is added, in the same transaction
                         * @enum {string}
                         */
                        thenStatus?: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "customer_message" | "agent_reply" | "internal_note" | "phone_note" | "system";
                            body: string;
                            author: {
                                id: string;
                                name: string;
                                role: string;
                                organisation?: string | null;
                            } | null;
                            onBehalfOf?: {
                                id: string;
                                name: string;
                            } | null;
                            createdAt: string;
                            attachments: {
                                id: string;
                                filename: string;
                                contentType: string;
                                sizeBytes: number;
                                sha256: string;
                                contentId?: string | null;
                                inline?: boolean;
                            }[];
                            channel: "email" | null;
                            fromAddress: string | null;
                            htmlBody: string | null;
                            autoSubmitted: boolean;
                            delivery: {
                                /** @enum {string} */
                                status: "queued" | "sent" | "failed" | "held" | "suppressed" | "outbox";
                                error: string | null;
                                sentAt: string | null;
                                to: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit history: who changed what, when, before → after */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                actor: {
                                    id: string;
                                    name: string;
                                } | null;
                                at: string;
                                field: string;
                                before: unknown;
                                after: unknown;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one file (multipart field `file`); reference its id in attachmentIds */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            filename: string;
                            contentType: string;
                            sizeBytes: number;
                            sha256: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file you may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agent groups of the brands the user works for */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff of the brands the user works for (assignees) */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                    role?: "agent" | "technician" | "admin";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People, by name: search by name or address, filter by role, brand and whether active */
        get: {
            parameters: {
                query?: {
                    search?: string;
                    role?: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                    brandId?: string;
                    active?: "true" | "false";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                                /** @enum {string} */
                                locale: "fr" | "en" | "ro" | "ru" | "sv";
                                active: boolean;
                                /** @description False until the person has accepted their invitation */
                                passwordSet: boolean;
                                organisationId: string | null;
                                organisationName: string | null;
                                brandIds: string[];
                                groupIds: string[];
                                createdAt: string;
                                deactivatedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by e-mail: the account is made without a password and a link to choose one is mailed in their language (valid 7 days) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                        /** @enum {string} */
                        locale: "fr" | "en" | "ro" | "ru" | "sv";
                        brandIds: string[];
                        /** @default [] */
                        groupIds?: string[];
                        /** @default null */
                        organisationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                            /** @enum {string} */
                            locale: "fr" | "en" | "ro" | "ru" | "sv";
                            active: boolean;
                            /** @description False until the person has accepted their invitation */
                            passwordSet: boolean;
                            organisationId: string | null;
                            organisationName: string | null;
                            brandIds: string[];
                            groupIds: string[];
                            createdAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                            /** @enum {string} */
                            locale: "fr" | "en" | "ro" | "ru" | "sv";
                            active: boolean;
                            /** @description False until the person has accepted their invitation */
                            passwordSet: boolean;
                            organisationId: string | null;
                            organisationName: string | null;
                            brandIds: string[];
                            groupIds: string[];
                            createdAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person's name, role, language, brands, groups, organisation, or deactivate them (their sessions end at once); the last active admin stays one */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        role?: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                        /** @enum {string} */
                        locale?: "fr" | "en" | "ro" | "ru" | "sv";
                        brandIds?: string[];
                        groupIds?: string[];
                        organisationId?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                            /** @enum {string} */
                            locale: "fr" | "en" | "ro" | "ru" | "sv";
                            active: boolean;
                            /** @description False until the person has accepted their invitation */
                            passwordSet: boolean;
                            organisationId: string | null;
                            organisationName: string | null;
                            brandIds: string[];
                            groupIds: string[];
                            createdAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new invitation link (earlier links stop working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                            /** @enum {string} */
                            locale: "fr" | "en" | "ro" | "ru" | "sv";
                            active: boolean;
                            /** @description False until the person has accepted their invitation */
                            passwordSet: boolean;
                            organisationId: string | null;
                            organisationName: string | null;
                            brandIds: string[];
                            groupIds: string[];
                            createdAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agent groups with their members */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                name: string;
                                members: {
                                    id: string;
                                    name: string;
                                    email: string;
                                    role: string;
                                    active: boolean;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a group in a brand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                                active: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a group */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                                active: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/groups/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a member of the desk or workshop (of the group's brand) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                                active: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                                active: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations: customers, resellers and distributors, with their place in the chain */
        get: {
            parameters: {
                query?: {
                    search?: string;
                    kind?: "customer" | "reseller" | "distributor";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                kind: "customer" | "reseller" | "distributor";
                                parentId: string | null;
                                parentName: string | null;
                                memberCount: number;
                                childCount: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an organisation; a customer's parent is a reseller, a reseller's a distributor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        kind: "customer" | "reseller" | "distributor";
                        /** @default null */
                        parentId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "customer" | "reseller" | "distributor";
                            parentId: string | null;
                            parentName: string | null;
                            memberCount: number;
                            childCount: number;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                                active: boolean;
                            }[];
                            children: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                kind: "customer" | "reseller" | "distributor";
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation with its people and the organisations below it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "customer" | "reseller" | "distributor";
                            parentId: string | null;
                            parentName: string | null;
                            memberCount: number;
                            childCount: number;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                                active: boolean;
                            }[];
                            children: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                kind: "customer" | "reseller" | "distributor";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the kind or move an organisation in the chain (a loop is refused) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        kind?: "customer" | "reseller" | "distributor";
                        parentId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "customer" | "reseller" | "distributor";
                            parentId: string | null;
                            parentName: string | null;
                            memberCount: number;
                            childCount: number;
                            members: {
                                id: string;
                                name: string;
                                email: string;
                                role: string;
                                active: boolean;
                            }[];
                            children: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                kind: "customer" | "reseller" | "distributor";
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens, active first (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @description The first characters of the secret, to recognise the token */
                                prefix: string;
                                user: {
                                    id: string;
                                    name: string;
                                    email: string;
                                    /** @enum {string} */
                                    role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                                };
                                /** @description The role the token acts in; null: its user's */
                                role: ("customer" | "reseller" | "distributor" | "agent" | "technician" | "admin") | null;
                                /** @description The brands it is limited to; null: all of its user's */
                                brandIds: string[] | null;
                                /** @enum {string} */
                                scope: "read" | "write";
                                expiresAt: string | null;
                                createdAt: string;
                                createdBy: string | null;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Make an API token; its secret is in this answer only (stored hashed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * Format: uuid
                         * @description Whom the token acts as; the caller when absent
                         */
                        userId?: string;
                        /** @description A narrower role: an admin's token may act as an agent or technician */
                        role?: ("customer" | "reseller" | "distributor" | "agent" | "technician" | "admin") | null;
                        /** @description Limit to some of the user's brands */
                        brandIds?: string[] | null;
                        /**
                         * @default write
                         * @enum {string}
                         */
                        scope?: "read" | "write";
                        expiresAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: {
                                id: string;
                                name: string;
                                /** @description The first characters of the secret, to recognise the token */
                                prefix: string;
                                user: {
                                    id: string;
                                    name: string;
                                    email: string;
                                    /** @enum {string} */
                                    role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                                };
                                /** @description The role the token acts in; null: its user's */
                                role: ("customer" | "reseller" | "distributor" | "agent" | "technician" | "admin") | null;
                                /** @description The brands it is limited to; null: all of its user's */
                                brandIds: string[] | null;
                                /** @enum {string} */
                                scope: "read" | "write";
                                expiresAt: string | null;
                                createdAt: string;
                                createdBy: string | null;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            };
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a token: it answers 401 from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description The first characters of the secret, to recognise the token */
                            prefix: string;
                            user: {
                                id: string;
                                name: string;
                                email: string;
                                /** @enum {string} */
                                role: "customer" | "reseller" | "distributor" | "agent" | "technician" | "admin";
                            };
                            /** @description The role the token acts in; null: its user's */
                            role: ("customer" | "reseller" | "distributor" | "agent" | "technician" | "admin") | null;
                            /** @description The brands it is limited to; null: all of its user's */
                            brandIds: string[] | null;
                            /** @enum {string} */
                            scope: "read" | "write";
                            expiresAt: string | null;
                            createdAt: string;
                            createdBy: string | null;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/brands/{id}/mail-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand's customer mails in five languages, with their variables and defaults */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                template: "acknowledgment" | "confirmation_request" | "schedule_change" | "quote";
                                variables: string[];
                                languages: {
                                    /** @enum {string} */
                                    locale: "fr" | "en" | "ro" | "ru" | "sv";
                                    subject: string;
                                    body: string;
                                    defaultSubject: string;
                                    defaultBody: string;
                                    overridden: boolean;
                                    updatedAt: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/brands/{id}/mail-templates/{template}/{locale}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Word one of the brand's mails in one language (its variables only) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    template: "acknowledgment" | "confirmation_request" | "schedule_change" | "quote";
                    locale: "fr" | "en" | "ro" | "ru" | "sv";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Reset a mail to the default wording */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    template: "acknowledgment" | "confirmation_request" | "schedule_change" | "quote";
                    locale: "fr" | "en" | "ro" | "ru" | "sv";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/brands/{id}/mail-templates/{template}/{locale}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The mail as the customer would read it, with sample values (nothing is saved or sent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    template: "acknowledgment" | "confirmation_request" | "schedule_change" | "quote";
                    locale: "fr" | "en" | "ro" | "ru" | "sv";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subject: string;
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound messages by status (the quarantine is status=quarantined) */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "processed" | "quarantined" | "discarded";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                receivedAt: string;
                                redeliveries: number;
                                lastRedeliveredAt: string | null;
                                /** @enum {string} */
                                source: "smtp" | "imap" | "api";
                                envelopeFrom: string | null;
                                envelopeTo: string[];
                                messageId: string | null;
                                subject: string | null;
                                from: string | null;
                                sizeBytes: number;
                                /** @enum {string} */
                                status: "received" | "processed" | "quarantined" | "discarded";
                                reason: string | null;
                                detail: string | null;
                                brandName: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/inbound/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many messages wait in quarantine */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            quarantined: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/inbound/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Process a quarantined message again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "received";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/inbound/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discard a quarantined message (its raw copy is kept) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "discarded";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/inbound/{id}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message as received (.eml) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The raw message (binary, message/rfc822) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Brands' support mailboxes (passwords never returned) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                brandName: string;
                                address: string;
                                displayName: string | null;
                                enabled: boolean;
                                outbox: boolean;
                                imap: {
                                    host: string;
                                    port: number;
                                    secure: boolean;
                                    user: string | null;
                                    folder: string | null;
                                    hasPassword: boolean;
                                } | null;
                                smtp: {
                                    host: string;
                                    port: number;
                                    secure: boolean;
                                    user: string | null;
                                    folder: string | null;
                                    hasPassword: boolean;
                                } | null;
                                lastCheckedAt: string | null;
                                lastError: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a mailbox */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        /** Format: email */
                        address: string;
                        displayName?: string | null;
                        /** @default true */
                        enabled?: boolean;
                        outbox?: boolean;
                        imap?: {
                            host: string;
                            port: number;
                            secure: boolean;
                            user?: string;
                            password?: string;
                            folder?: string;
                        } | null;
                        smtp?: {
                            host: string;
                            port: number;
                            secure: boolean;
                            user?: string;
                            password?: string;
                            folder?: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a mailbox; an omitted password is kept */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId?: string;
                        /** Format: email */
                        address?: string;
                        displayName?: string | null;
                        /** @default true */
                        enabled?: boolean;
                        outbox?: boolean;
                        imap?: {
                            host: string;
                            port: number;
                            secure: boolean;
                            user?: string;
                            password?: string;
                            folder?: string;
                        } | null;
                        smtp?: {
                            host: string;
                            port: number;
                            secure: boolean;
                            user?: string;
                            password?: string;
                            folder?: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/mailboxes/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the IMAP or SMTP connection of a mailbox */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "imap" | "smtp";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            error: string | null;
                            detail: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The built-in outbox: mail of mailboxes without an SMTP server, newest first (nothing here left the install) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                kind: "reply" | "acknowledgment" | "confirmation_request" | "notification";
                                automatic: boolean;
                                to: string;
                                cc: string[];
                                subject: string;
                                bodyText: string;
                                messageId: string;
                                createdAt: string;
                                deliveredAt: string;
                                brandName: string;
                                ticketId: string | null;
                                ticketNumber: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/mails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every mail recorded on a ticket (automatic ones too) with its delivery state, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                kind: "reply" | "acknowledgment" | "confirmation_request" | "notification";
                                automatic: boolean;
                                to: string;
                                subject: string;
                                /** @enum {string} */
                                status: "queued" | "sent" | "failed" | "held" | "suppressed" | "outbox";
                                error: string | null;
                                attempts: number;
                                createdAt: string;
                                sentAt: string | null;
                                entryId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/mail-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in SMTP receiver settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            smtpReceiver: {
                                enabled: boolean;
                                port: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket's timers, each with its due time explained, and its schedule changes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policy: {
                                id: string;
                                name: string;
                            } | null;
                            plannedResolutionAt: string | null;
                            timers: {
                                /** @enum {string} */
                                kind: "first_response" | "next_update" | "resolution" | "callback";
                                /** @enum {string} */
                                state: "pending" | "running" | "paused" | "met" | "breached";
                                warning: boolean;
                                targetMinutes: number;
                                startedAt: string | null;
                                dueAt: string | null;
                                stoppedAt: string | null;
                                workingMinutesLeft: number | null;
                                explanation: {
                                    policyName: string;
                                    calendarName: string;
                                    timeZone: string;
                                    /** @enum {string} */
                                    clockStart: "created" | "accepted";
                                    targetMinutes: number;
                                    startedAt: string | null;
                                    skipped: {
                                        from: string;
                                        to: string;
                                        reason: string;
                                        name?: string;
                                        /** @enum {boolean} */
                                        partial?: true;
                                    }[];
                                    /** @default [] */
                                    adjusted: {
                                        date: string;
                                        /** @enum {string} */
                                        kind: "opened" | "changed";
                                        reason: string;
                                    }[];
                                    pauses: {
                                        from: string;
                                        to: string | null;
                                        status: string;
                                    }[];
                                    rescheduled: {
                                        reason: string;
                                        previousDueAt: string | null;
                                    } | null;
                                };
                            }[];
                            scheduleChanges: {
                                id: string;
                                /** @enum {string} */
                                reason: "cannot_reproduce" | "information_missing" | "deeper_diagnosis" | "poorly_described" | "repair_estimate" | "waiting_for_parts";
                                previousDueAt: string | null;
                                plannedResolutionAt: string;
                                note: string | null;
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                notification: {
                                    status: string;
                                    to: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/schedule-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a new planned resolution date with its reason; the customer is told by e-mail in their language */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        reason: "cannot_reproduce" | "information_missing" | "deeper_diagnosis" | "poorly_described" | "repair_estimate" | "waiting_for_parts";
                        /** Format: date-time */
                        plannedResolutionAt: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policy: {
                                id: string;
                                name: string;
                            } | null;
                            plannedResolutionAt: string | null;
                            timers: {
                                /** @enum {string} */
                                kind: "first_response" | "next_update" | "resolution" | "callback";
                                /** @enum {string} */
                                state: "pending" | "running" | "paused" | "met" | "breached";
                                warning: boolean;
                                targetMinutes: number;
                                startedAt: string | null;
                                dueAt: string | null;
                                stoppedAt: string | null;
                                workingMinutesLeft: number | null;
                                explanation: {
                                    policyName: string;
                                    calendarName: string;
                                    timeZone: string;
                                    /** @enum {string} */
                                    clockStart: "created" | "accepted";
                                    targetMinutes: number;
                                    startedAt: string | null;
                                    skipped: {
                                        from: string;
                                        to: string;
                                        reason: string;
                                        name?: string;
                                        /** @enum {boolean} */
                                        partial?: true;
                                    }[];
                                    /** @default [] */
                                    adjusted: {
                                        date: string;
                                        /** @enum {string} */
                                        kind: "opened" | "changed";
                                        reason: string;
                                    }[];
                                    pauses: {
                                        from: string;
                                        to: string | null;
                                        status: string;
                                    }[];
                                    rescheduled: {
                                        reason: string;
                                        previousDueAt: string | null;
                                    } | null;
                                };
                            }[];
                            scheduleChanges: {
                                id: string;
                                /** @enum {string} */
                                reason: "cannot_reproduce" | "information_missing" | "deeper_diagnosis" | "poorly_described" | "repair_estimate" | "waiting_for_parts";
                                previousDueAt: string | null;
                                plannedResolutionAt: string;
                                note: string | null;
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                notification: {
                                    status: string;
                                    to: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Business calendars */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                brandName: string;
                                name: string;
                                version: number;
                                definition: {
                                    timeZone: string;
                                    week: {
                                        /** @default [] */
                                        mon: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        tue: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        wed: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        thu: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        fri: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        sat: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        sun: {
                                            start: string;
                                            end: string;
                                        }[];
                                    };
                                    /** @default null */
                                    holidays: {
                                        country: string;
                                        region?: string;
                                        /**
                                         * @default [
                                         *       "public"
                                         *     ]
                                         */
                                        types: ("public" | "bank" | "school" | "optional" | "observance")[];
                                    } | null;
                                    /** @default [] */
                                    holidayAdditions: {
                                        date: string;
                                        name: string;
                                    }[];
                                    /** @default [] */
                                    holidayRemovals: {
                                        date: string;
                                        note?: string;
                                    }[];
                                    /** @default [] */
                                    closures: {
                                        /** Format: date-time */
                                        start: string;
                                        /** Format: date-time */
                                        end: string;
                                        reason: string;
                                    }[];
                                    /** @default [] */
                                    dayOverrides: {
                                        date: string;
                                        intervals: {
                                            start: string;
                                            end: string;
                                        }[];
                                        reason: string;
                                    }[];
                                };
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a business calendar */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        definition: {
                            timeZone: string;
                            week: {
                                /** @default [] */
                                mon?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                tue?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                wed?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                thu?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                fri?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                sat?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                sun?: {
                                    start: string;
                                    end: string;
                                }[];
                            };
                            /** @default null */
                            holidays?: {
                                country: string;
                                region?: string;
                                /**
                                 * @default [
                                 *       "public"
                                 *     ]
                                 */
                                types?: ("public" | "bank" | "school" | "optional" | "observance")[];
                            } | null;
                            /** @default [] */
                            holidayAdditions?: {
                                date: string;
                                name: string;
                            }[];
                            /** @default [] */
                            holidayRemovals?: {
                                date: string;
                                note?: string;
                            }[];
                            /** @default [] */
                            closures?: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                reason: string;
                            }[];
                            /** @default [] */
                            dayOverrides?: {
                                date: string;
                                intervals: {
                                    start: string;
                                    end: string;
                                }[];
                                reason: string;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            brandName: string;
                            name: string;
                            version: number;
                            definition: {
                                timeZone: string;
                                week: {
                                    /** @default [] */
                                    mon: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    tue: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    wed: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    thu: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    fri: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    sat: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    sun: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                /** @default null */
                                holidays: {
                                    country: string;
                                    region?: string;
                                    /**
                                     * @default [
                                     *       "public"
                                     *     ]
                                     */
                                    types: ("public" | "bank" | "school" | "optional" | "observance")[];
                                } | null;
                                /** @default [] */
                                holidayAdditions: {
                                    date: string;
                                    name: string;
                                }[];
                                /** @default [] */
                                holidayRemovals: {
                                    date: string;
                                    note?: string;
                                }[];
                                /** @default [] */
                                closures: {
                                    /** Format: date-time */
                                    start: string;
                                    /** Format: date-time */
                                    end: string;
                                    reason: string;
                                }[];
                                /** @default [] */
                                dayOverrides: {
                                    date: string;
                                    intervals: {
                                        start: string;
                                        end: string;
                                    }[];
                                    reason: string;
                                }[];
                            };
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A business calendar */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            brandName: string;
                            name: string;
                            version: number;
                            definition: {
                                timeZone: string;
                                week: {
                                    /** @default [] */
                                    mon: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    tue: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    wed: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    thu: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    fri: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    sat: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    sun: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                /** @default null */
                                holidays: {
                                    country: string;
                                    region?: string;
                                    /**
                                     * @default [
                                     *       "public"
                                     *     ]
                                     */
                                    types: ("public" | "bank" | "school" | "optional" | "observance")[];
                                } | null;
                                /** @default [] */
                                holidayAdditions: {
                                    date: string;
                                    name: string;
                                }[];
                                /** @default [] */
                                holidayRemovals: {
                                    date: string;
                                    note?: string;
                                }[];
                                /** @default [] */
                                closures: {
                                    /** Format: date-time */
                                    start: string;
                                    /** Format: date-time */
                                    end: string;
                                    reason: string;
                                }[];
                                /** @default [] */
                                dayOverrides: {
                                    date: string;
                                    intervals: {
                                        start: string;
                                        end: string;
                                    }[];
                                    reason: string;
                                }[];
                            };
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Change a calendar; the brand's open tickets are recomputed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        definition: {
                            timeZone: string;
                            week: {
                                /** @default [] */
                                mon?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                tue?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                wed?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                thu?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                fri?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                sat?: {
                                    start: string;
                                    end: string;
                                }[];
                                /** @default [] */
                                sun?: {
                                    start: string;
                                    end: string;
                                }[];
                            };
                            /** @default null */
                            holidays?: {
                                country: string;
                                region?: string;
                                /**
                                 * @default [
                                 *       "public"
                                 *     ]
                                 */
                                types?: ("public" | "bank" | "school" | "optional" | "observance")[];
                            } | null;
                            /** @default [] */
                            holidayAdditions?: {
                                date: string;
                                name: string;
                            }[];
                            /** @default [] */
                            holidayRemovals?: {
                                date: string;
                                note?: string;
                            }[];
                            /** @default [] */
                            closures?: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                reason: string;
                            }[];
                            /** @default [] */
                            dayOverrides?: {
                                date: string;
                                intervals: {
                                    start: string;
                                    end: string;
                                }[];
                                reason: string;
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            brandName: string;
                            name: string;
                            version: number;
                            definition: {
                                timeZone: string;
                                week: {
                                    /** @default [] */
                                    mon: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    tue: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    wed: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    thu: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    fri: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    sat: {
                                        start: string;
                                        end: string;
                                    }[];
                                    /** @default [] */
                                    sun: {
                                        start: string;
                                        end: string;
                                    }[];
                                };
                                /** @default null */
                                holidays: {
                                    country: string;
                                    region?: string;
                                    /**
                                     * @default [
                                     *       "public"
                                     *     ]
                                     */
                                    types: ("public" | "bank" | "school" | "optional" | "observance")[];
                                } | null;
                                /** @default [] */
                                holidayAdditions: {
                                    date: string;
                                    name: string;
                                }[];
                                /** @default [] */
                                holidayRemovals: {
                                    date: string;
                                    note?: string;
                                }[];
                                /** @default [] */
                                closures: {
                                    /** Format: date-time */
                                    start: string;
                                    /** Format: date-time */
                                    end: string;
                                    reason: string;
                                }[];
                                /** @default [] */
                                dayOverrides: {
                                    date: string;
                                    intervals: {
                                        start: string;
                                        end: string;
                                    }[];
                                    reason: string;
                                }[];
                            };
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendars/{id}/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a year's exceptions (closed days, days with other hours) from a CSV or an iCalendar file's text; a file with a problem changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "csv" | "ics";
                        content: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            calendar: {
                                id: string;
                                brandId: string;
                                brandName: string;
                                name: string;
                                version: number;
                                definition: {
                                    timeZone: string;
                                    week: {
                                        /** @default [] */
                                        mon: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        tue: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        wed: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        thu: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        fri: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        sat: {
                                            start: string;
                                            end: string;
                                        }[];
                                        /** @default [] */
                                        sun: {
                                            start: string;
                                            end: string;
                                        }[];
                                    };
                                    /** @default null */
                                    holidays: {
                                        country: string;
                                        region?: string;
                                        /**
                                         * @default [
                                         *       "public"
                                         *     ]
                                         */
                                        types: ("public" | "bank" | "school" | "optional" | "observance")[];
                                    } | null;
                                    /** @default [] */
                                    holidayAdditions: {
                                        date: string;
                                        name: string;
                                    }[];
                                    /** @default [] */
                                    holidayRemovals: {
                                        date: string;
                                        note?: string;
                                    }[];
                                    /** @default [] */
                                    closures: {
                                        /** Format: date-time */
                                        start: string;
                                        /** Format: date-time */
                                        end: string;
                                        reason: string;
                                    }[];
                                    /** @default [] */
                                    dayOverrides: {
                                        date: string;
                                        intervals: {
                                            start: string;
                                            end: string;
                                        }[];
                                        reason: string;
                                    }[];
                                };
                                updatedAt: string;
                            };
                            imported: {
                                closedDays: number;
                                dayOverrides: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendars/{id}/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's closed days: library holidays, the brand's additions and removals */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            timeZone: string;
                            items: {
                                date: string;
                                name: string;
                                /** @enum {string} */
                                source: "library" | "added";
                                removed: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendars/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When N working minutes from an instant would be up, with the closed days skipped */
        get: {
            parameters: {
                query: {
                    from: string;
                    minutes: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            minutes: number;
                            dueAt: string;
                            timeZone: string;
                            skipped: {
                                from: string;
                                to: string;
                                reason: string;
                                name?: string;
                                /** @enum {boolean} */
                                partial?: true;
                            }[];
                            adjusted: {
                                date: string;
                                /** @enum {string} */
                                kind: "opened" | "changed";
                                reason: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service-level policies */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                brandId: string;
                                name: string;
                                /** Format: uuid */
                                calendarId: string;
                                /** @default null */
                                contractLevel: string | null;
                                /** @default null */
                                priority: ("low" | "normal" | "high" | "urgent") | null;
                                /** @default null */
                                firstResponseMinutes: number | null;
                                /** @default null */
                                nextUpdateMinutes: number | null;
                                /** @default null */
                                resolutionMinutes: number | null;
                                /** @default null */
                                callbackMinutes: number | null;
                                /**
                                 * @default created
                                 * @enum {string}
                                 */
                                clockStart: "created" | "accepted";
                                /**
                                 * @default [
                                 *       "waiting_customer"
                                 *     ]
                                 */
                                pauseStatuses: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party")[];
                                /** @default 60 */
                                warningMinutes: number;
                                /** @default true */
                                raisePriorityOnBreach: boolean;
                                /** @default true */
                                active: boolean;
                                id: string;
                                calendarName: string;
                                version: number;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a service-level policy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        /** Format: uuid */
                        calendarId: string;
                        /** @default null */
                        contractLevel?: string | null;
                        /** @default null */
                        priority?: ("low" | "normal" | "high" | "urgent") | null;
                        /** @default null */
                        firstResponseMinutes?: number | null;
                        /** @default null */
                        nextUpdateMinutes?: number | null;
                        /** @default null */
                        resolutionMinutes?: number | null;
                        /** @default null */
                        callbackMinutes?: number | null;
                        /**
                         * @default created
                         * @enum {string}
                         */
                        clockStart?: "created" | "accepted";
                        /**
                         * @default [
                         *       "waiting_customer"
                         *     ]
                         */
                        pauseStatuses?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party")[];
                        /** @default 60 */
                        warningMinutes?: number;
                        /** @default true */
                        raisePriorityOnBreach?: boolean;
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            brandId: string;
                            name: string;
                            /** Format: uuid */
                            calendarId: string;
                            /** @default null */
                            contractLevel: string | null;
                            /** @default null */
                            priority: ("low" | "normal" | "high" | "urgent") | null;
                            /** @default null */
                            firstResponseMinutes: number | null;
                            /** @default null */
                            nextUpdateMinutes: number | null;
                            /** @default null */
                            resolutionMinutes: number | null;
                            /** @default null */
                            callbackMinutes: number | null;
                            /**
                             * @default created
                             * @enum {string}
                             */
                            clockStart: "created" | "accepted";
                            /**
                             * @default [
                             *       "waiting_customer"
                             *     ]
                             */
                            pauseStatuses: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party")[];
                            /** @default 60 */
                            warningMinutes: number;
                            /** @default true */
                            raisePriorityOnBreach: boolean;
                            /** @default true */
                            active: boolean;
                            id: string;
                            calendarName: string;
                            version: number;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sla-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a policy; the brand's open tickets are recomputed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        /** Format: uuid */
                        calendarId: string;
                        /** @default null */
                        contractLevel?: string | null;
                        /** @default null */
                        priority?: ("low" | "normal" | "high" | "urgent") | null;
                        /** @default null */
                        firstResponseMinutes?: number | null;
                        /** @default null */
                        nextUpdateMinutes?: number | null;
                        /** @default null */
                        resolutionMinutes?: number | null;
                        /** @default null */
                        callbackMinutes?: number | null;
                        /**
                         * @default created
                         * @enum {string}
                         */
                        clockStart?: "created" | "accepted";
                        /**
                         * @default [
                         *       "waiting_customer"
                         *     ]
                         */
                        pauseStatuses?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party")[];
                        /** @default 60 */
                        warningMinutes?: number;
                        /** @default true */
                        raisePriorityOnBreach?: boolean;
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            brandId: string;
                            name: string;
                            /** Format: uuid */
                            calendarId: string;
                            /** @default null */
                            contractLevel: string | null;
                            /** @default null */
                            priority: ("low" | "normal" | "high" | "urgent") | null;
                            /** @default null */
                            firstResponseMinutes: number | null;
                            /** @default null */
                            nextUpdateMinutes: number | null;
                            /** @default null */
                            resolutionMinutes: number | null;
                            /** @default null */
                            callbackMinutes: number | null;
                            /**
                             * @default created
                             * @enum {string}
                             */
                            clockStart: "created" | "accepted";
                            /**
                             * @default [
                             *       "waiting_customer"
                             *     ]
                             */
                            pauseStatuses: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party")[];
                            /** @default 60 */
                            warningMinutes: number;
                            /** @default true */
                            raisePriorityOnBreach: boolean;
                            /** @default true */
                            active: boolean;
                            id: string;
                            calendarName: string;
                            version: number;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                url: string;
                                events: string[];
                                active: boolean;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a webhook endpoint (its signing secret is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        /** Format: uri */
                        url: string;
                        events: ("ticket.sla_warning" | "ticket.sla_breached" | "rma.requested" | "rma.endorsed" | "rma.approved" | "rma.authorised" | "rma.refused" | "rma.awaiting_parcel" | "rma.received" | "rma.on_hold" | "rma.in_workshop" | "rma.shipped_back" | "rma.closed" | "rma.cancelled" | "repair.awaiting_customer" | "repair.awaiting_parts" | "repair.repairing" | "repair.testing" | "repair.replacing" | "repair.ready_to_ship" | "repair.returning_unrepaired" | "repair.done")[];
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            url: string;
                            events: string[];
                            active: boolean;
                            createdAt: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest deliveries of an endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                event: string;
                                status: string;
                                attempts: number;
                                responseStatus: number | null;
                                lastError: string | null;
                                createdAt: string;
                                deliveredAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit you may see: its model, order, seller and history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            brandName: string;
                            model: {
                                id: string;
                                code: string;
                                name: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                lifecycle: "active" | "end_of_life";
                                endOfLifeOn: string | null;
                            };
                            serial: string | null;
                            licenceKey: string | null;
                            /** @enum {string} */
                            condition: "new" | "refurbished" | "second_hand";
                            countryOfSale: string;
                            purchasedOn: string | null;
                            deliveredOn: string | null;
                            /** @enum {string} */
                            proofStatus: "none" | "uploaded" | "validated" | "rejected";
                            seller: {
                                id: string;
                                name: string;
                            } | null;
                            order: {
                                id: string;
                                number: string;
                            } | null;
                            accessories: {
                                key: string;
                                name: {
                                    [key: string]: string;
                                };
                            }[];
                            history: {
                                at: string;
                                kind: string;
                                actor: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/warranty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the customer is owed for this unit on a date (default today), the rule and the article that decided */
        get: {
            parameters: {
                query?: {
                    at?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unitId: string;
                            at: string;
                            /** @enum {string} */
                            outcome: "legal_guarantee" | "commercial_warranty" | "service_contract" | "none" | "blocked" | "needs_information";
                            /** @enum {string} */
                            rule: "missing_proof_of_purchase" | "misuse_recorded" | "payment_dispute_open" | "legal_guarantee" | "legal_guarantee_extended_after_repair" | "legal_guarantee_second_hand_reduced" | "commercial_warranty" | "service_contract" | "legal_guarantee_expired" | "business_buyer_no_legal_guarantee" | "no_law_for_country" | "nothing_applies";
                            article: string | null;
                            coverage: {
                                /** @enum {string} */
                                kind: "legal_guarantee" | "commercial_warranty" | "service_contract";
                                startsOn: string;
                                endsOn: string;
                                article: string | null;
                                presumptionEndsOn?: string | null;
                                presumptionArticle?: string | null;
                            } | null;
                            standingLegalGuarantee: {
                                /** @enum {string} */
                                kind: "legal_guarantee" | "commercial_warranty" | "service_contract";
                                startsOn: string;
                                endsOn: string;
                                article: string | null;
                                presumptionEndsOn?: string | null;
                                presumptionArticle?: string | null;
                            } | null;
                            blockedUntil: string | null;
                            explanation: {
                                /** @enum {string} */
                                rule: "missing_proof_of_purchase" | "misuse_recorded" | "payment_dispute_open" | "legal_guarantee" | "legal_guarantee_extended_after_repair" | "legal_guarantee_second_hand_reduced" | "commercial_warranty" | "service_contract" | "legal_guarantee_expired" | "business_buyer_no_legal_guarantee" | "no_law_for_country" | "nothing_applies";
                                params: {
                                    [key: string]: string | number | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders you may see, newest first, with their lines, units and each unit’s warranty today */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                number: string;
                                brandId: string;
                                brandName: string;
                                orderedOn: string;
                                paidOn: string | null;
                                paymentProvider: string | null;
                                dispute: {
                                    openedOn: string;
                                    closedOn: string | null;
                                } | null;
                                currency: string;
                                totalCents: number;
                                seller: string | null;
                                /** @description Download it at GET /orders/{id}/invoice */
                                invoice: {
                                    number: string | null;
                                } | null;
                                lines: {
                                    id: string;
                                    model: {
                                        code: string;
                                        name: {
                                            [key: string]: string;
                                        };
                                    };
                                    quantity: number;
                                    unitPriceCents: number;
                                    units: {
                                        id: string;
                                        serial: string;
                                        warranty: {
                                            /** @enum {string} */
                                            outcome: "legal_guarantee" | "commercial_warranty" | "service_contract" | "none" | "blocked" | "needs_information";
                                            /** @enum {string} */
                                            rule: "missing_proof_of_purchase" | "misuse_recorded" | "payment_dispute_open" | "legal_guarantee" | "legal_guarantee_extended_after_repair" | "legal_guarantee_second_hand_reduced" | "commercial_warranty" | "service_contract" | "legal_guarantee_expired" | "business_buyer_no_legal_guarantee" | "no_law_for_country" | "nothing_applies";
                                            endsOn: string | null;
                                            blockedUntil: string | null;
                                        };
                                    }[];
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units a ticket names by serial number, each with today's warranty decision; unknown serials are listed too */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                serial: string;
                                unit: {
                                    id: string;
                                    model: {
                                        id: string;
                                        code: string;
                                        name: {
                                            [key: string]: string;
                                        };
                                    };
                                    /** @enum {string} */
                                    condition: "new" | "refurbished" | "second_hand";
                                    deliveredOn: string | null;
                                } | null;
                                warranty: {
                                    unitId: string;
                                    at: string;
                                    /** @enum {string} */
                                    outcome: "legal_guarantee" | "commercial_warranty" | "service_contract" | "none" | "blocked" | "needs_information";
                                    /** @enum {string} */
                                    rule: "missing_proof_of_purchase" | "misuse_recorded" | "payment_dispute_open" | "legal_guarantee" | "legal_guarantee_extended_after_repair" | "legal_guarantee_second_hand_reduced" | "commercial_warranty" | "service_contract" | "legal_guarantee_expired" | "business_buyer_no_legal_guarantee" | "no_law_for_country" | "nothing_applies";
                                    article: string | null;
                                    coverage: {
                                        /** @enum {string} */
                                        kind: "legal_guarantee" | "commercial_warranty" | "service_contract";
                                        startsOn: string;
                                        endsOn: string;
                                        article: string | null;
                                        presumptionEndsOn?: string | null;
                                        presumptionArticle?: string | null;
                                    } | null;
                                    standingLegalGuarantee: {
                                        /** @enum {string} */
                                        kind: "legal_guarantee" | "commercial_warranty" | "service_contract";
                                        startsOn: string;
                                        endsOn: string;
                                        article: string | null;
                                        presumptionEndsOn?: string | null;
                                        presumptionArticle?: string | null;
                                    } | null;
                                    blockedUntil: string | null;
                                    explanation: {
                                        /** @enum {string} */
                                        rule: "missing_proof_of_purchase" | "misuse_recorded" | "payment_dispute_open" | "legal_guarantee" | "legal_guarantee_extended_after_repair" | "legal_guarantee_second_hand_reduced" | "commercial_warranty" | "service_contract" | "legal_guarantee_expired" | "business_buyer_no_legal_guarantee" | "no_law_for_country" | "nothing_applies";
                                        params: {
                                            [key: string]: string | number | null;
                                        };
                                    }[];
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order's invoice (PDF), for its owner and the brand's staff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        /** Attach the shop's invoice to an order: a PDF uploaded with POST /attachments, and its number (brand staff) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description An upload of yours (POST /attachments) that is a PDF
                         */
                        attachmentId: string;
                        /** @description The shop's invoice number */
                        number: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                            filename: string;
                            sizeBytes: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orders/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import order lines pushed by a shop or an ERP (the CSV export’s columns as fields): all or nothing, or skipInvalid; pushing the same rows again changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The brand's slug */
                        brand: string;
                        /** @description Import the valid rows and report the others, instead of refusing the whole push */
                        skipInvalid?: boolean;
                        /** @description One order line per row, with the CSV export’s column names: order_id, line_id, ordered_on, customer_email, country, currency, model, quantity, unit_price, serials, … */
                        rows: {
                            [key: string]: string | number | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: number;
                            imported: number;
                            rejected: number;
                            orders: {
                                created: number;
                                updated: number;
                                unchanged: number;
                            };
                            units: {
                                created: number;
                                unchanged: number;
                            };
                            /** @description The refused rows (with skipInvalid): rows.<index>.<column> */
                            errors: {
                                field: string;
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a product you own, with its proof of purchase (customers); the desk checks the proof */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        /** @description As printed on the plate, or the licence key */
                        serial: string;
                        purchasedOn: string;
                        deliveredOn?: string | null;
                        /** @enum {string} */
                        condition?: "new" | "refurbished" | "second_hand";
                        /**
                         * Format: uuid
                         * @description Your upload (POST /attachments) of the invoice or receipt: PDF or photo
                         */
                        proofAttachmentId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            brandName: string;
                            model: {
                                id: string;
                                code: string;
                                name: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                lifecycle: "active" | "end_of_life";
                                endOfLifeOn: string | null;
                            };
                            serial: string | null;
                            licenceKey: string | null;
                            /** @enum {string} */
                            condition: "new" | "refurbished" | "second_hand";
                            countryOfSale: string;
                            purchasedOn: string | null;
                            deliveredOn: string | null;
                            /** @enum {string} */
                            proofStatus: "none" | "uploaded" | "validated" | "rejected";
                            seller: {
                                id: string;
                                name: string;
                            } | null;
                            order: {
                                id: string;
                                number: string;
                            } | null;
                            accessories: {
                                key: string;
                                name: {
                                    [key: string]: string;
                                };
                            }[];
                            history: {
                                at: string;
                                kind: string;
                                actor: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/registered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products registered without an order (a customer: their own), newest first, with the proof’s state and today’s warranty */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                serial: string;
                                model: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                };
                                brandName: string;
                                purchasedOn: string | null;
                                /** @enum {string} */
                                proofStatus: "none" | "uploaded" | "validated" | "rejected";
                                refusedBecause: string | null;
                                warranty: {
                                    /** @enum {string} */
                                    outcome: "legal_guarantee" | "commercial_warranty" | "service_contract" | "none" | "blocked" | "needs_information";
                                    /** @enum {string} */
                                    rule: "missing_proof_of_purchase" | "misuse_recorded" | "payment_dispute_open" | "legal_guarantee" | "legal_guarantee_extended_after_repair" | "legal_guarantee_second_hand_reduced" | "commercial_warranty" | "service_contract" | "legal_guarantee_expired" | "business_buyer_no_legal_guarantee" | "no_law_for_country" | "nothing_applies";
                                    endsOn: string | null;
                                    blockedUntil: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/proofs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Proofs of purchase waiting for the desk, oldest first (agents and admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                serial: string;
                                model: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                };
                                brandName: string;
                                purchasedOn: string | null;
                                owner: {
                                    name: string;
                                    email: string;
                                };
                                deliveredOn: string | null;
                                uploadedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proof of purchase sent for a unit, for its owner and the brand's staff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/proof-decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept or refuse a customer's proof of purchase (agents and admins); the warranty then runs from the dates it shows */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "validated" | "rejected";
                        /** @description Required to refuse: what the customer should send instead */
                        reason?: string;
                        /** @description Corrected from the document */
                        purchasedOn?: string;
                        /** @description Corrected from the document */
                        deliveredOn?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            brandName: string;
                            model: {
                                id: string;
                                code: string;
                                name: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                lifecycle: "active" | "end_of_life";
                                endOfLifeOn: string | null;
                            };
                            serial: string | null;
                            licenceKey: string | null;
                            /** @enum {string} */
                            condition: "new" | "refurbished" | "second_hand";
                            countryOfSale: string;
                            purchasedOn: string | null;
                            deliveredOn: string | null;
                            /** @enum {string} */
                            proofStatus: "none" | "uploaded" | "validated" | "rejected";
                            seller: {
                                id: string;
                                name: string;
                            } | null;
                            order: {
                                id: string;
                                number: string;
                            } | null;
                            accessories: {
                                key: string;
                                name: {
                                    [key: string]: string;
                                };
                            }[];
                            history: {
                                at: string;
                                kind: string;
                                actor: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models of your brands: warranty, lifecycle, serial patterns, accessories */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                family: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                } | null;
                                code: string;
                                name: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                identifiedBy: "serial" | "licence_key";
                                serialPatterns: string[];
                                /** @enum {string} */
                                lifecycle: "active" | "end_of_life";
                                endOfLifeOn: string | null;
                                commercialWarrantyMonths: number | null;
                                onsiteContractLevels: string[];
                                accessories: {
                                    key: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                }[];
                                units: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Spare parts of your brands: price, stock, reorder lead time, models */
        get: {
            parameters: {
                query?: {
                    modelId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                reference: string;
                                name: {
                                    [key: string]: string;
                                };
                                priceCents: number;
                                currency: string;
                                stockOnHand: number;
                                reorderLeadDays: number;
                                models: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/catalog/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a model */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        /** @default null */
                        familyCode?: string | null;
                        code: string;
                        name: {
                            [key: string]: string;
                        };
                        /**
                         * @default serial
                         * @enum {string}
                         */
                        identifiedBy?: "serial" | "licence_key";
                        /** @default [] */
                        serialPatterns?: string[];
                        /**
                         * @default active
                         * @enum {string}
                         */
                        lifecycle?: "active" | "end_of_life";
                        /** @default null */
                        endOfLifeOn?: string | null;
                        /** @default null */
                        commercialWarrantyMonths?: number | null;
                        /** @default [] */
                        onsiteContractLevels?: string[];
                        /** @default [] */
                        accessories?: {
                            key: string;
                            name: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/catalog/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a model */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        /** @default null */
                        familyCode?: string | null;
                        code: string;
                        name: {
                            [key: string]: string;
                        };
                        /**
                         * @default serial
                         * @enum {string}
                         */
                        identifiedBy?: "serial" | "licence_key";
                        /** @default [] */
                        serialPatterns?: string[];
                        /**
                         * @default active
                         * @enum {string}
                         */
                        lifecycle?: "active" | "end_of_life";
                        /** @default null */
                        endOfLifeOn?: string | null;
                        /** @default null */
                        commercialWarrantyMonths?: number | null;
                        /** @default [] */
                        onsiteContractLevels?: string[];
                        /** @default [] */
                        accessories?: {
                            key: string;
                            name: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/catalog/parts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a spare part */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        reference: string;
                        name: {
                            [key: string]: string;
                        };
                        priceCents: number;
                        currency: string;
                        stockOnHand: number;
                        reorderLeadDays: number;
                        /** @default [] */
                        models?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/catalog/parts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a spare part: price, stock, reorder lead time, the models using it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        reference: string;
                        name: {
                            [key: string]: string;
                        };
                        priceCents: number;
                        currency: string;
                        stockOnHand: number;
                        reorderLeadDays: number;
                        /** @default [] */
                        models?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rma": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ticket's return: its lines, parcels, history and the events you may send now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ticketId: string;
                            /** @description The RMA number: the ticket number, check digit included */
                            number: string;
                            /** @enum {string} */
                            state: "requested" | "endorsed" | "approved" | "authorised" | "awaiting_parcel" | "received" | "on_hold" | "in_workshop" | "shipped_back" | "closed" | "refused" | "cancelled";
                            channelRoute: boolean;
                            reason: string | null;
                            inboundMode: ("drop_off" | "courier" | "pickup") | null;
                            customerAcceptsCharges: boolean;
                            createdAt: string;
                            stateChangedAt: string;
                            /**
                             * @description Where the units are now
                             * @enum {string}
                             */
                            location: "with_customer" | "on_its_way_in" | "at_workshop" | "on_its_way_back";
                            lines: {
                                unitId: string;
                                serial: string;
                                model: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                    /** @description What must travel with the unit, named in each language */
                                    accessories: {
                                        key: string;
                                        name: {
                                            [key: string]: string;
                                        };
                                    }[];
                                };
                                warrantyOutcome: string;
                                accessoriesExpected: string[];
                                accessoriesReceived: string[];
                                accessoriesMissing: string[];
                                condition: string | null;
                            }[];
                            shipments: {
                                /** @enum {string} */
                                direction: "in" | "out";
                                /** @enum {string} */
                                mode: "drop_off" | "courier" | "pickup" | "carrier";
                                carrier: string | null;
                                trackingNumber: string | null;
                                /** @enum {string} */
                                paidBy: "customer" | "brand";
                                cashOnDelivery: boolean;
                                refusedReason: string | null;
                                createdAt: string;
                                handledAt: string | null;
                            }[];
                            history: {
                                at: string;
                                event: string;
                                from: string | null;
                                to: string;
                                by: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @description The events you may send now (guards still apply) */
                            nextEvents: ("endorse" | "approve" | "authorise" | "refuse" | "arrange_shipment" | "receive" | "complete_accessories" | "start_workshop" | "ship_back" | "close" | "cancel")[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Request the return of some of the ticket's units; the RMA number is the ticket number (customer, their reseller, the desk) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The units of this ticket to send back (GET /tickets/{id}/units lists them) */
                        unitIds: string[];
                        /** @description The customer agrees to pay (quote, diagnostic fee) for a unit nothing covers */
                        customerAcceptsCharges?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ticketId: string;
                            /** @description The RMA number: the ticket number, check digit included */
                            number: string;
                            /** @enum {string} */
                            state: "requested" | "endorsed" | "approved" | "authorised" | "awaiting_parcel" | "received" | "on_hold" | "in_workshop" | "shipped_back" | "closed" | "refused" | "cancelled";
                            channelRoute: boolean;
                            reason: string | null;
                            inboundMode: ("drop_off" | "courier" | "pickup") | null;
                            customerAcceptsCharges: boolean;
                            createdAt: string;
                            stateChangedAt: string;
                            /**
                             * @description Where the units are now
                             * @enum {string}
                             */
                            location: "with_customer" | "on_its_way_in" | "at_workshop" | "on_its_way_back";
                            lines: {
                                unitId: string;
                                serial: string;
                                model: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                    /** @description What must travel with the unit, named in each language */
                                    accessories: {
                                        key: string;
                                        name: {
                                            [key: string]: string;
                                        };
                                    }[];
                                };
                                warrantyOutcome: string;
                                accessoriesExpected: string[];
                                accessoriesReceived: string[];
                                accessoriesMissing: string[];
                                condition: string | null;
                            }[];
                            shipments: {
                                /** @enum {string} */
                                direction: "in" | "out";
                                /** @enum {string} */
                                mode: "drop_off" | "courier" | "pickup" | "carrier";
                                carrier: string | null;
                                trackingNumber: string | null;
                                /** @enum {string} */
                                paidBy: "customer" | "brand";
                                cashOnDelivery: boolean;
                                refusedReason: string | null;
                                createdAt: string;
                                handledAt: string | null;
                            }[];
                            history: {
                                at: string;
                                event: string;
                                from: string | null;
                                to: string;
                                by: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @description The events you may send now (guards still apply) */
                            nextEvents: ("endorse" | "approve" | "authorise" | "refuse" | "arrange_shipment" | "receive" | "complete_accessories" | "start_workshop" | "ship_back" | "close" | "cancel")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rma/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the return on (endorse, approve, authorise, refuse, arrange_shipment, receive, complete_accessories, start_workshop, ship_back, close, cancel); a refusal names the state and the guard that failed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        event: "endorse" | "approve" | "authorise" | "refuse" | "arrange_shipment" | "receive" | "complete_accessories" | "start_workshop" | "ship_back" | "close" | "cancel";
                        /** @description Required to refuse or cancel: shown to the customer */
                        reason?: string;
                        /**
                         * @description How the parcel comes in (arrange_shipment)
                         * @enum {string}
                         */
                        inboundMode?: "drop_off" | "courier" | "pickup";
                        customerAcceptsCharges?: boolean;
                        /** @description At receiving: what came with each unit, and its condition */
                        received?: {
                            /** Format: uuid */
                            unitId: string;
                            accessories: string[];
                            condition?: string;
                        }[];
                        /** @description At receiving: photos of the parcel and the units, uploaded with POST /attachments; kept on the ticket as an internal note */
                        photoIds?: string[];
                        /** @description arrange_shipment: the carrier and tracking number of the parcel coming in (a courier, or the pickup the brand booked) */
                        inbound?: {
                            carrier: string;
                            trackingNumber?: string;
                        };
                        /** @description Shipping back: the parcel going out */
                        outbound?: {
                            carrier: string;
                            trackingNumber?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ticketId: string;
                            /** @description The RMA number: the ticket number, check digit included */
                            number: string;
                            /** @enum {string} */
                            state: "requested" | "endorsed" | "approved" | "authorised" | "awaiting_parcel" | "received" | "on_hold" | "in_workshop" | "shipped_back" | "closed" | "refused" | "cancelled";
                            channelRoute: boolean;
                            reason: string | null;
                            inboundMode: ("drop_off" | "courier" | "pickup") | null;
                            customerAcceptsCharges: boolean;
                            createdAt: string;
                            stateChangedAt: string;
                            /**
                             * @description Where the units are now
                             * @enum {string}
                             */
                            location: "with_customer" | "on_its_way_in" | "at_workshop" | "on_its_way_back";
                            lines: {
                                unitId: string;
                                serial: string;
                                model: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                    /** @description What must travel with the unit, named in each language */
                                    accessories: {
                                        key: string;
                                        name: {
                                            [key: string]: string;
                                        };
                                    }[];
                                };
                                warrantyOutcome: string;
                                accessoriesExpected: string[];
                                accessoriesReceived: string[];
                                accessoriesMissing: string[];
                                condition: string | null;
                            }[];
                            shipments: {
                                /** @enum {string} */
                                direction: "in" | "out";
                                /** @enum {string} */
                                mode: "drop_off" | "courier" | "pickup" | "carrier";
                                carrier: string | null;
                                trackingNumber: string | null;
                                /** @enum {string} */
                                paidBy: "customer" | "brand";
                                cashOnDelivery: boolean;
                                refusedReason: string | null;
                                createdAt: string;
                                handledAt: string | null;
                            }[];
                            history: {
                                at: string;
                                event: string;
                                from: string | null;
                                to: string;
                                by: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @description The events you may send now (guards still apply) */
                            nextEvents: ("endorse" | "approve" | "authorise" | "refuse" | "arrange_shipment" | "receive" | "complete_accessories" | "start_workshop" | "ship_back" | "close" | "cancel")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rma/pickup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The courier collected the defective unit from the customer (the replacement may ship from now on) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier?: string;
                        trackingNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pickedUpAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rma/refused-parcels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a parcel refused at the counter (sent cash on delivery), with the reason; the return keeps waiting for its parcel */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the parcel is refused, told to the customer */
                        reason: string;
                        cashOnDelivery: boolean;
                        carrier?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ticketId: string;
                            /** @description The RMA number: the ticket number, check digit included */
                            number: string;
                            /** @enum {string} */
                            state: "requested" | "endorsed" | "approved" | "authorised" | "awaiting_parcel" | "received" | "on_hold" | "in_workshop" | "shipped_back" | "closed" | "refused" | "cancelled";
                            channelRoute: boolean;
                            reason: string | null;
                            inboundMode: ("drop_off" | "courier" | "pickup") | null;
                            customerAcceptsCharges: boolean;
                            createdAt: string;
                            stateChangedAt: string;
                            /**
                             * @description Where the units are now
                             * @enum {string}
                             */
                            location: "with_customer" | "on_its_way_in" | "at_workshop" | "on_its_way_back";
                            lines: {
                                unitId: string;
                                serial: string;
                                model: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                    /** @description What must travel with the unit, named in each language */
                                    accessories: {
                                        key: string;
                                        name: {
                                            [key: string]: string;
                                        };
                                    }[];
                                };
                                warrantyOutcome: string;
                                accessoriesExpected: string[];
                                accessoriesReceived: string[];
                                accessoriesMissing: string[];
                                condition: string | null;
                            }[];
                            shipments: {
                                /** @enum {string} */
                                direction: "in" | "out";
                                /** @enum {string} */
                                mode: "drop_off" | "courier" | "pickup" | "carrier";
                                carrier: string | null;
                                trackingNumber: string | null;
                                /** @enum {string} */
                                paidBy: "customer" | "brand";
                                cashOnDelivery: boolean;
                                refusedReason: string | null;
                                createdAt: string;
                                handledAt: string | null;
                            }[];
                            history: {
                                at: string;
                                event: string;
                                from: string | null;
                                to: string;
                                by: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @description The events you may send now (guards still apply) */
                            nextEvents: ("endorse" | "approve" | "authorise" | "refuse" | "arrange_shipment" | "receive" | "complete_accessories" | "start_workshop" | "ship_back" | "close" | "cancel")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rma/label": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The parcel label (PDF, the customer's language): the number as text, Code 128 and QR */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rma/packing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Packing instructions with each unit's accessories checklist (PDF, the customer's language) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rma/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of the parcel handed in: when, what came with each unit, its condition (PDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The returns queue: by state, oldest change first (awaiting the parcel for more than N days, on hold, received today) */
        get: {
            parameters: {
                query: {
                    /** @description One or more states (repeat the parameter) */
                    state: ("requested" | "endorsed" | "approved" | "authorised" | "awaiting_parcel" | "received" | "on_hold" | "in_workshop" | "shipped_back" | "closed" | "refused" | "cancelled")[];
                    /** @description Only returns whose last change is older: awaiting the parcel for more than N days */
                    changedBefore?: string;
                    /** @description Only returns changed since: received today */
                    changedSince?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                ticketId: string;
                                number: string;
                                subject: string;
                                /** @enum {string} */
                                state: "requested" | "endorsed" | "approved" | "authorised" | "awaiting_parcel" | "received" | "on_hold" | "in_workshop" | "shipped_back" | "closed" | "refused" | "cancelled";
                                stateChangedAt: string;
                                channelRoute: boolean;
                                brandName: string;
                                /** @description The brand’s time zone, in which its dates read */
                                timeZone: string;
                                requesterName: string;
                                units: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/unexpected-parcels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unexpected parcels not yet linked to a ticket, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                brandName: string;
                                receivedAt: string;
                                recordedBy: string;
                                labelText: string | null;
                                sender: string | null;
                                carrier: string | null;
                                trackingNumber: string | null;
                                note: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a parcel that came with no return behind it, with what can be read on it: never lost */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        /** @description A number or words read on the parcel */
                        labelText?: string;
                        sender?: string;
                        carrier?: string;
                        trackingNumber?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            brandName: string;
                            receivedAt: string;
                            recordedBy: string;
                            labelText: string | null;
                            sender: string | null;
                            carrier: string | null;
                            trackingNumber: string | null;
                            note: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receiving desk: the return behind a scanned or typed number (the check digit catches a typo) */
        get: {
            parameters: {
                query: {
                    /** @description The number as scanned or typed; its check digit catches a typo */
                    number: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            ticketId: string;
                            /** @description The RMA number: the ticket number, check digit included */
                            number: string;
                            /** @enum {string} */
                            state: "requested" | "endorsed" | "approved" | "authorised" | "awaiting_parcel" | "received" | "on_hold" | "in_workshop" | "shipped_back" | "closed" | "refused" | "cancelled";
                            channelRoute: boolean;
                            reason: string | null;
                            inboundMode: ("drop_off" | "courier" | "pickup") | null;
                            customerAcceptsCharges: boolean;
                            createdAt: string;
                            stateChangedAt: string;
                            /**
                             * @description Where the units are now
                             * @enum {string}
                             */
                            location: "with_customer" | "on_its_way_in" | "at_workshop" | "on_its_way_back";
                            lines: {
                                unitId: string;
                                serial: string;
                                model: {
                                    code: string;
                                    name: {
                                        [key: string]: string;
                                    };
                                    /** @description What must travel with the unit, named in each language */
                                    accessories: {
                                        key: string;
                                        name: {
                                            [key: string]: string;
                                        };
                                    }[];
                                };
                                warrantyOutcome: string;
                                accessoriesExpected: string[];
                                accessoriesReceived: string[];
                                accessoriesMissing: string[];
                                condition: string | null;
                            }[];
                            shipments: {
                                /** @enum {string} */
                                direction: "in" | "out";
                                /** @enum {string} */
                                mode: "drop_off" | "courier" | "pickup" | "carrier";
                                carrier: string | null;
                                trackingNumber: string | null;
                                /** @enum {string} */
                                paidBy: "customer" | "brand";
                                cashOnDelivery: boolean;
                                refusedReason: string | null;
                                createdAt: string;
                                handledAt: string | null;
                            }[];
                            history: {
                                at: string;
                                event: string;
                                from: string | null;
                                to: string;
                                by: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** @description The events you may send now (guards still apply) */
                            nextEvents: ("endorse" | "approve" | "authorise" | "refuse" | "arrange_shipment" | "receive" | "complete_accessories" | "start_workshop" | "ship_back" | "close" | "cancel")[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/workshop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ticket's repairs: diagnosis, the remedy decided and why, parts, quotes, invoices, expected duration */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                unitId: string;
                                serial: string;
                                model: string;
                                /** @enum {string} */
                                state: "diagnosing" | "awaiting_customer" | "awaiting_parts" | "repairing" | "testing" | "replacing" | "ready_to_ship" | "returning_unrepaired" | "done";
                                nextEvents: ("start_repair" | "wait_parts" | "start_replacement" | "propose" | "return_unrepaired" | "parts_arrived" | "repaired" | "test_failed" | "test_passed" | "replacement_shipped" | "shipped")[];
                                diagnosis: {
                                    findings: string;
                                    faultCode: string | null;
                                    repairable: boolean;
                                    customerDamage: boolean;
                                    labourMinutes: number;
                                    diagnosedAt: string;
                                    technician: string | null;
                                } | null;
                                decision: {
                                    /** @enum {string} */
                                    remedy: "repair" | "replace" | "exchange_offer" | "quote" | "end_of_life_offer" | "price_reduction_or_refund";
                                    /** @enum {string} */
                                    rule: "damage_not_covered" | "out_of_coverage_repairable" | "out_of_coverage_unrepairable" | "end_of_life" | "defective_on_arrival" | "customer_choice" | "choice_impossible" | "choice_disproportionate" | "seller_proposal" | "repair_by_default" | "repair_impossible" | "no_remedy_possible" | "commercial_repair" | "commercial_replacement";
                                    article: string | null;
                                    billable: boolean;
                                    replacementCondition: ("new" | "refurbished") | null;
                                    coverage: string;
                                    params: {
                                        [key: string]: string | number | boolean;
                                    };
                                    overridden: {
                                        setting: string;
                                        law: string;
                                    }[];
                                } | null;
                                customerChoice: ("repair" | "replacement") | null;
                                estimate: {
                                    minDays: number;
                                    maxDays: number;
                                    basis: {
                                        [key: string]: unknown;
                                    };
                                } | null;
                                parts: {
                                    partId: string;
                                    reference: string;
                                    name: string;
                                    quantity: number;
                                    /** @enum {string} */
                                    status: "needed" | "reserved" | "ordered" | "consumed" | "released";
                                    expectedOn: string | null;
                                    purchaseOrderId: string | null;
                                }[];
                                quotes: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "repair" | "offer";
                                    /** @enum {string} */
                                    state: "sent" | "accepted" | "refused" | "expired" | "withdrawn";
                                    expired: boolean;
                                    lines: {
                                        kind: string;
                                        description: string;
                                        quantity: number;
                                        unit: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                        net: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                    }[];
                                    net: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    taxRateBp: number;
                                    tax: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    validUntil: string;
                                    refusalFee: {
                                        amountCents: number;
                                        currency: string;
                                    } | null;
                                    offeredCondition: ("new" | "refurbished" | "second_hand") | null;
                                    answeredAt: string | null;
                                    answeredVia: ("portal" | "link" | "email" | "desk") | null;
                                }[];
                                invoices: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "diagnostic_fee";
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    issuedAt: string;
                                }[];
                                workDone: string | null;
                                testsPassed: string[];
                                replacementSerial: string | null;
                                recycled: boolean;
                                history: {
                                    event: string;
                                    from: string | null;
                                    to: string;
                                    at: string;
                                    by: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/workshop/diagnosis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A technician's diagnosis of a unit of the ticket's return, once it is in the workshop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        unitId: string;
                        findings: string;
                        faultCode?: string;
                        repairable: boolean;
                        customerDamage: boolean;
                        labourMinutes: number;
                        /** @default [] */
                        parts?: {
                            /** Format: uuid */
                            partId: string;
                            quantity: number;
                        }[];
                        unused?: boolean;
                        photoIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                unitId: string;
                                serial: string;
                                model: string;
                                /** @enum {string} */
                                state: "diagnosing" | "awaiting_customer" | "awaiting_parts" | "repairing" | "testing" | "replacing" | "ready_to_ship" | "returning_unrepaired" | "done";
                                nextEvents: ("start_repair" | "wait_parts" | "start_replacement" | "propose" | "return_unrepaired" | "parts_arrived" | "repaired" | "test_failed" | "test_passed" | "replacement_shipped" | "shipped")[];
                                diagnosis: {
                                    findings: string;
                                    faultCode: string | null;
                                    repairable: boolean;
                                    customerDamage: boolean;
                                    labourMinutes: number;
                                    diagnosedAt: string;
                                    technician: string | null;
                                } | null;
                                decision: {
                                    /** @enum {string} */
                                    remedy: "repair" | "replace" | "exchange_offer" | "quote" | "end_of_life_offer" | "price_reduction_or_refund";
                                    /** @enum {string} */
                                    rule: "damage_not_covered" | "out_of_coverage_repairable" | "out_of_coverage_unrepairable" | "end_of_life" | "defective_on_arrival" | "customer_choice" | "choice_impossible" | "choice_disproportionate" | "seller_proposal" | "repair_by_default" | "repair_impossible" | "no_remedy_possible" | "commercial_repair" | "commercial_replacement";
                                    article: string | null;
                                    billable: boolean;
                                    replacementCondition: ("new" | "refurbished") | null;
                                    coverage: string;
                                    params: {
                                        [key: string]: string | number | boolean;
                                    };
                                    overridden: {
                                        setting: string;
                                        law: string;
                                    }[];
                                } | null;
                                customerChoice: ("repair" | "replacement") | null;
                                estimate: {
                                    minDays: number;
                                    maxDays: number;
                                    basis: {
                                        [key: string]: unknown;
                                    };
                                } | null;
                                parts: {
                                    partId: string;
                                    reference: string;
                                    name: string;
                                    quantity: number;
                                    /** @enum {string} */
                                    status: "needed" | "reserved" | "ordered" | "consumed" | "released";
                                    expectedOn: string | null;
                                    purchaseOrderId: string | null;
                                }[];
                                quotes: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "repair" | "offer";
                                    /** @enum {string} */
                                    state: "sent" | "accepted" | "refused" | "expired" | "withdrawn";
                                    expired: boolean;
                                    lines: {
                                        kind: string;
                                        description: string;
                                        quantity: number;
                                        unit: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                        net: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                    }[];
                                    net: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    taxRateBp: number;
                                    tax: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    validUntil: string;
                                    refusalFee: {
                                        amountCents: number;
                                        currency: string;
                                    } | null;
                                    offeredCondition: ("new" | "refurbished" | "second_hand") | null;
                                    answeredAt: string | null;
                                    answeredVia: ("portal" | "link" | "email" | "desk") | null;
                                }[];
                                invoices: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "diagnostic_fee";
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    issuedAt: string;
                                }[];
                                workDone: string | null;
                                testsPassed: string[];
                                replacementSerial: string | null;
                                recycled: boolean;
                                history: {
                                    event: string;
                                    from: string | null;
                                    to: string;
                                    at: string;
                                    by: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/workshop/repairs/{repairId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide the remedy (explained, the law first) and carry it out; the customer answers an exchange proposed to them here */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    repairId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        customerChoice?: "repair" | "replacement";
                        refurbishedConsent?: boolean;
                        offer?: {
                            /** @enum {string} */
                            condition: "new" | "refurbished" | "second_hand";
                            priceCents: number;
                            /** Format: uuid */
                            modelId?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                unitId: string;
                                serial: string;
                                model: string;
                                /** @enum {string} */
                                state: "diagnosing" | "awaiting_customer" | "awaiting_parts" | "repairing" | "testing" | "replacing" | "ready_to_ship" | "returning_unrepaired" | "done";
                                nextEvents: ("start_repair" | "wait_parts" | "start_replacement" | "propose" | "return_unrepaired" | "parts_arrived" | "repaired" | "test_failed" | "test_passed" | "replacement_shipped" | "shipped")[];
                                diagnosis: {
                                    findings: string;
                                    faultCode: string | null;
                                    repairable: boolean;
                                    customerDamage: boolean;
                                    labourMinutes: number;
                                    diagnosedAt: string;
                                    technician: string | null;
                                } | null;
                                decision: {
                                    /** @enum {string} */
                                    remedy: "repair" | "replace" | "exchange_offer" | "quote" | "end_of_life_offer" | "price_reduction_or_refund";
                                    /** @enum {string} */
                                    rule: "damage_not_covered" | "out_of_coverage_repairable" | "out_of_coverage_unrepairable" | "end_of_life" | "defective_on_arrival" | "customer_choice" | "choice_impossible" | "choice_disproportionate" | "seller_proposal" | "repair_by_default" | "repair_impossible" | "no_remedy_possible" | "commercial_repair" | "commercial_replacement";
                                    article: string | null;
                                    billable: boolean;
                                    replacementCondition: ("new" | "refurbished") | null;
                                    coverage: string;
                                    params: {
                                        [key: string]: string | number | boolean;
                                    };
                                    overridden: {
                                        setting: string;
                                        law: string;
                                    }[];
                                } | null;
                                customerChoice: ("repair" | "replacement") | null;
                                estimate: {
                                    minDays: number;
                                    maxDays: number;
                                    basis: {
                                        [key: string]: unknown;
                                    };
                                } | null;
                                parts: {
                                    partId: string;
                                    reference: string;
                                    name: string;
                                    quantity: number;
                                    /** @enum {string} */
                                    status: "needed" | "reserved" | "ordered" | "consumed" | "released";
                                    expectedOn: string | null;
                                    purchaseOrderId: string | null;
                                }[];
                                quotes: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "repair" | "offer";
                                    /** @enum {string} */
                                    state: "sent" | "accepted" | "refused" | "expired" | "withdrawn";
                                    expired: boolean;
                                    lines: {
                                        kind: string;
                                        description: string;
                                        quantity: number;
                                        unit: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                        net: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                    }[];
                                    net: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    taxRateBp: number;
                                    tax: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    validUntil: string;
                                    refusalFee: {
                                        amountCents: number;
                                        currency: string;
                                    } | null;
                                    offeredCondition: ("new" | "refurbished" | "second_hand") | null;
                                    answeredAt: string | null;
                                    answeredVia: ("portal" | "link" | "email" | "desk") | null;
                                }[];
                                invoices: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "diagnostic_fee";
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    issuedAt: string;
                                }[];
                                workDone: string | null;
                                testsPassed: string[];
                                replacementSerial: string | null;
                                recycled: boolean;
                                history: {
                                    event: string;
                                    from: string | null;
                                    to: string;
                                    at: string;
                                    by: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/workshop/repairs/{repairId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The bench: repaired (parts consumed), test failed or passed, shipped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    repairId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        event: "repaired" | "test_failed" | "test_passed" | "shipped";
                        workDone?: string;
                        testsPassed?: string[];
                        outbound?: {
                            carrier: string;
                            trackingNumber?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                unitId: string;
                                serial: string;
                                model: string;
                                /** @enum {string} */
                                state: "diagnosing" | "awaiting_customer" | "awaiting_parts" | "repairing" | "testing" | "replacing" | "ready_to_ship" | "returning_unrepaired" | "done";
                                nextEvents: ("start_repair" | "wait_parts" | "start_replacement" | "propose" | "return_unrepaired" | "parts_arrived" | "repaired" | "test_failed" | "test_passed" | "replacement_shipped" | "shipped")[];
                                diagnosis: {
                                    findings: string;
                                    faultCode: string | null;
                                    repairable: boolean;
                                    customerDamage: boolean;
                                    labourMinutes: number;
                                    diagnosedAt: string;
                                    technician: string | null;
                                } | null;
                                decision: {
                                    /** @enum {string} */
                                    remedy: "repair" | "replace" | "exchange_offer" | "quote" | "end_of_life_offer" | "price_reduction_or_refund";
                                    /** @enum {string} */
                                    rule: "damage_not_covered" | "out_of_coverage_repairable" | "out_of_coverage_unrepairable" | "end_of_life" | "defective_on_arrival" | "customer_choice" | "choice_impossible" | "choice_disproportionate" | "seller_proposal" | "repair_by_default" | "repair_impossible" | "no_remedy_possible" | "commercial_repair" | "commercial_replacement";
                                    article: string | null;
                                    billable: boolean;
                                    replacementCondition: ("new" | "refurbished") | null;
                                    coverage: string;
                                    params: {
                                        [key: string]: string | number | boolean;
                                    };
                                    overridden: {
                                        setting: string;
                                        law: string;
                                    }[];
                                } | null;
                                customerChoice: ("repair" | "replacement") | null;
                                estimate: {
                                    minDays: number;
                                    maxDays: number;
                                    basis: {
                                        [key: string]: unknown;
                                    };
                                } | null;
                                parts: {
                                    partId: string;
                                    reference: string;
                                    name: string;
                                    quantity: number;
                                    /** @enum {string} */
                                    status: "needed" | "reserved" | "ordered" | "consumed" | "released";
                                    expectedOn: string | null;
                                    purchaseOrderId: string | null;
                                }[];
                                quotes: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "repair" | "offer";
                                    /** @enum {string} */
                                    state: "sent" | "accepted" | "refused" | "expired" | "withdrawn";
                                    expired: boolean;
                                    lines: {
                                        kind: string;
                                        description: string;
                                        quantity: number;
                                        unit: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                        net: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                    }[];
                                    net: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    taxRateBp: number;
                                    tax: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    validUntil: string;
                                    refusalFee: {
                                        amountCents: number;
                                        currency: string;
                                    } | null;
                                    offeredCondition: ("new" | "refurbished" | "second_hand") | null;
                                    answeredAt: string | null;
                                    answeredVia: ("portal" | "link" | "email" | "desk") | null;
                                }[];
                                invoices: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "diagnostic_fee";
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    issuedAt: string;
                                }[];
                                workDone: string | null;
                                testsPassed: string[];
                                replacementSerial: string | null;
                                recycled: boolean;
                                history: {
                                    event: string;
                                    from: string | null;
                                    to: string;
                                    at: string;
                                    by: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/workshop/repairs/{repairId}/replacement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship the replacement unit from stock; refused until the defective unit was picked up or received */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    repairId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        serial?: string;
                        carrier: string;
                        trackingNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                unitId: string;
                                serial: string;
                                model: string;
                                /** @enum {string} */
                                state: "diagnosing" | "awaiting_customer" | "awaiting_parts" | "repairing" | "testing" | "replacing" | "ready_to_ship" | "returning_unrepaired" | "done";
                                nextEvents: ("start_repair" | "wait_parts" | "start_replacement" | "propose" | "return_unrepaired" | "parts_arrived" | "repaired" | "test_failed" | "test_passed" | "replacement_shipped" | "shipped")[];
                                diagnosis: {
                                    findings: string;
                                    faultCode: string | null;
                                    repairable: boolean;
                                    customerDamage: boolean;
                                    labourMinutes: number;
                                    diagnosedAt: string;
                                    technician: string | null;
                                } | null;
                                decision: {
                                    /** @enum {string} */
                                    remedy: "repair" | "replace" | "exchange_offer" | "quote" | "end_of_life_offer" | "price_reduction_or_refund";
                                    /** @enum {string} */
                                    rule: "damage_not_covered" | "out_of_coverage_repairable" | "out_of_coverage_unrepairable" | "end_of_life" | "defective_on_arrival" | "customer_choice" | "choice_impossible" | "choice_disproportionate" | "seller_proposal" | "repair_by_default" | "repair_impossible" | "no_remedy_possible" | "commercial_repair" | "commercial_replacement";
                                    article: string | null;
                                    billable: boolean;
                                    replacementCondition: ("new" | "refurbished") | null;
                                    coverage: string;
                                    params: {
                                        [key: string]: string | number | boolean;
                                    };
                                    overridden: {
                                        setting: string;
                                        law: string;
                                    }[];
                                } | null;
                                customerChoice: ("repair" | "replacement") | null;
                                estimate: {
                                    minDays: number;
                                    maxDays: number;
                                    basis: {
                                        [key: string]: unknown;
                                    };
                                } | null;
                                parts: {
                                    partId: string;
                                    reference: string;
                                    name: string;
                                    quantity: number;
                                    /** @enum {string} */
                                    status: "needed" | "reserved" | "ordered" | "consumed" | "released";
                                    expectedOn: string | null;
                                    purchaseOrderId: string | null;
                                }[];
                                quotes: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "repair" | "offer";
                                    /** @enum {string} */
                                    state: "sent" | "accepted" | "refused" | "expired" | "withdrawn";
                                    expired: boolean;
                                    lines: {
                                        kind: string;
                                        description: string;
                                        quantity: number;
                                        unit: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                        net: {
                                            amountCents: number;
                                            currency: string;
                                        };
                                    }[];
                                    net: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    taxRateBp: number;
                                    tax: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    validUntil: string;
                                    refusalFee: {
                                        amountCents: number;
                                        currency: string;
                                    } | null;
                                    offeredCondition: ("new" | "refurbished" | "second_hand") | null;
                                    answeredAt: string | null;
                                    answeredVia: ("portal" | "link" | "email" | "desk") | null;
                                }[];
                                invoices: {
                                    id: string;
                                    number: string;
                                    /** @enum {string} */
                                    kind: "diagnostic_fee";
                                    total: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    issuedAt: string;
                                }[];
                                workDone: string | null;
                                testsPassed: string[];
                                replacementSerial: string | null;
                                recycled: boolean;
                                history: {
                                    event: string;
                                    from: string | null;
                                    to: string;
                                    at: string;
                                    by: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quotes/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept or refuse a quote or an offer, once (the customer in the portal, or the desk on their word) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        answer: "accept" | "refuse";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            quoteId: string;
                            /** @enum {string} */
                            state: "accepted" | "refused";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quote-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a signed e-mail link answers, and the quote; reading it changes nothing */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            answer: "accept" | "refuse";
                            brand: string;
                            ticketNumber: string;
                            quote: {
                                id: string;
                                number: string;
                                /** @enum {string} */
                                kind: "repair" | "offer";
                                /** @enum {string} */
                                state: "sent" | "accepted" | "refused" | "expired" | "withdrawn";
                                expired: boolean;
                                lines: {
                                    kind: string;
                                    description: string;
                                    quantity: number;
                                    unit: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                    net: {
                                        amountCents: number;
                                        currency: string;
                                    };
                                }[];
                                net: {
                                    amountCents: number;
                                    currency: string;
                                };
                                taxRateBp: number;
                                tax: {
                                    amountCents: number;
                                    currency: string;
                                };
                                total: {
                                    amountCents: number;
                                    currency: string;
                                };
                                validUntil: string;
                                refusalFee: {
                                    amountCents: number;
                                    currency: string;
                                } | null;
                                offeredCondition: ("new" | "refurbished" | "second_hand") | null;
                                answeredAt: string | null;
                                answeredVia: ("portal" | "link" | "email" | "desk") | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Give the answer a signed e-mail link carries (once; a link of a replaced quote is refused) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            quoteId: string;
                            /** @enum {string} */
                            state: "accepted" | "refused";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quotes/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A quote's or an offer's PDF, in the customer's language */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop-invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workshop invoice's PDF (the diagnostic fee), in the customer's language */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/workshop/repairs/{repairId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The repair report PDF, once the repair passed its tests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    repairId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/workshop/repairs/{repairId}/recycling-certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recycling certificate PDF of a unit taken back and recycled free */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    repairId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workshop board: repairs on the bench by state, waiting for parts, quotes awaiting the customer, ready to ship */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                repairId: string;
                                ticketId: string;
                                number: string;
                                serial: string;
                                model: string;
                                /** @enum {string} */
                                state: "diagnosing" | "awaiting_customer" | "awaiting_parts" | "repairing" | "testing" | "replacing" | "ready_to_ship" | "returning_unrepaired" | "done";
                                since: string;
                                timeZone: string;
                                remedy: ("repair" | "replace" | "exchange_offer" | "quote" | "end_of_life_offer" | "price_reduction_or_refund") | null;
                                quoteState: ("sent" | "accepted" | "refused" | "expired" | "withdrawn") | null;
                                partsWaiting: number;
                                estimate: {
                                    minDays: number;
                                    maxDays: number;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop/low-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand's parts out of stock or short of what open repairs need, with what is on order */
        get: {
            parameters: {
                query: {
                    brandId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                partId: string;
                                reference: string;
                                name: string;
                                stockOnHand: number;
                                neededByRepairs: number;
                                onOrder: number;
                                nextDelivery: string | null;
                                reorderLeadDays: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workshop/purchase-orders/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A supplier delivery: stock rises, waiting repairs take their parts and go back on the bench */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            purchaseOrderId: string;
                            resumedRepairIds: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-centres/nearest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The brand's service centres nearest to a postcode, a town or a position (great-circle km), with their opening hours this week and whether they are open now */
        get: {
            parameters: {
                query: {
                    /** @description The brand’s slug, e.g. mecashop */
                    brand: string;
                    postcode?: string;
                    city?: string;
                    /** @description With lon: the customer’s position (WGS 84 degrees) */
                    lat?: number;
                    lon?: number;
                    /** @description Where the postcode or town is; the brand’s country when left out */
                    country?: string;
                    /** @description Only centres serving this model (its code) */
                    model?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            origin: {
                                /** @enum {string} */
                                kind: "postcode" | "city" | "position";
                                /** @description The commune or town found; null for a position */
                                name: string | null;
                                country: string | null;
                                latitude: number;
                                longitude: number;
                                /**
                                 * @description area: only the postcode’s département was known, distances are approximate
                                 * @enum {string}
                                 */
                                precision: "exact" | "town" | "area";
                            };
                            items: {
                                id: string;
                                name: string;
                                addressLines: string[];
                                postcode: string;
                                city: string;
                                country: string;
                                latitude: number;
                                longitude: number;
                                phone: string | null;
                                email: string | null;
                                /** @description Great-circle distance, rounded to 0.1 km */
                                distanceKm: number;
                                families: string[];
                                models: string[];
                                openingHours: {
                                    timeZone: string;
                                    openNow: boolean;
                                    /** @description When closed now: the next opening (ISO instant); null when open or never */
                                    nextOpeningAt: string | null;
                                    /** @description Today first, then the six days after */
                                    days: {
                                        /** @description Local date YYYY-MM-DD in the centre’s time zone */
                                        date: string;
                                        /** @enum {string} */
                                        weekday: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
                                        /** @description Opening intervals in local wall time; empty when closed */
                                        intervals: {
                                            start: string;
                                            end: string;
                                        }[];
                                        closed: {
                                            /** @enum {string} */
                                            reason: "weekend" | "holiday" | "closure" | "closed";
                                            name: string | null;
                                        } | null;
                                    }[];
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/service-centres": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service centres of your brands */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                name: string;
                                addressLines: string[];
                                postcode: string;
                                city: string;
                                country: string;
                                latitude: number;
                                longitude: number;
                                phone: string | null;
                                email: string | null;
                                calendarId: string | null;
                                families: string[];
                                models: string[];
                                active: boolean;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a service centre */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        /**
                         * @description Street lines, without postcode and city
                         * @default []
                         */
                        addressLines?: string[];
                        postcode: string;
                        city: string;
                        country: string;
                        /** @description WGS 84 degrees */
                        latitude: number;
                        /** @description WGS 84 degrees */
                        longitude: number;
                        /** @default null */
                        phone?: string | null;
                        /** @default null */
                        email?: string | null;
                        /**
                         * @description Opening hours: one of the brand's business calendars (null: not published)
                         * @default null
                         */
                        calendarId?: string | null;
                        /**
                         * @description Product family codes served
                         * @default []
                         */
                        families?: string[];
                        /**
                         * @description Model codes served; with no family and no model, every product of the brand
                         * @default []
                         */
                        models?: string[];
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            addressLines: string[];
                            postcode: string;
                            city: string;
                            country: string;
                            latitude: number;
                            longitude: number;
                            phone: string | null;
                            email: string | null;
                            calendarId: string | null;
                            families: string[];
                            models: string[];
                            active: boolean;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/service-centres/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service centre */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            addressLines: string[];
                            postcode: string;
                            city: string;
                            country: string;
                            latitude: number;
                            longitude: number;
                            phone: string | null;
                            email: string | null;
                            calendarId: string | null;
                            families: string[];
                            models: string[];
                            active: boolean;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Replace a service centre: address, coordinates, calendar, what it serves, active */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        /**
                         * @description Street lines, without postcode and city
                         * @default []
                         */
                        addressLines?: string[];
                        postcode: string;
                        city: string;
                        country: string;
                        /** @description WGS 84 degrees */
                        latitude: number;
                        /** @description WGS 84 degrees */
                        longitude: number;
                        /** @default null */
                        phone?: string | null;
                        /** @default null */
                        email?: string | null;
                        /**
                         * @description Opening hours: one of the brand's business calendars (null: not published)
                         * @default null
                         */
                        calendarId?: string | null;
                        /**
                         * @description Product family codes served
                         * @default []
                         */
                        families?: string[];
                        /**
                         * @description Model codes served; with no family and no model, every product of the brand
                         * @default []
                         */
                        models?: string[];
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            addressLines: string[];
                            postcode: string;
                            city: string;
                            country: string;
                            latitude: number;
                            longitude: number;
                            phone: string | null;
                            email: string | null;
                            calendarId: string | null;
                            families: string[];
                            models: string[];
                            active: boolean;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a service centre (or set it inactive with PUT to keep it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ticket's on-site visits; for the desk also what scheduling would decide for each unit, and the brand's technicians */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                ticketId: string;
                                ticketNumber: string;
                                /** Format: uuid */
                                brandId: string;
                                timeZone: string;
                                unit: {
                                    /** Format: uuid */
                                    id: string;
                                    serial: string;
                                    modelName: {
                                        [key: string]: string;
                                    };
                                };
                                technician: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                address: string;
                                windowStart: string;
                                windowEnd: string;
                                /** @enum {string} */
                                state: "scheduled" | "in_progress" | "done" | "cancelled";
                                billable: boolean;
                                /** @enum {string} */
                                rule: "direct_service_blocked" | "covered_onsite_contract" | "onsite_not_in_contract" | "out_of_coverage" | "coverage_unknown";
                                customerAcceptsCharges: boolean;
                                report: {
                                    workDone: string | null;
                                    outcome: ("resolved" | "needs_workshop" | "needs_parts") | null;
                                    timeSpentMinutes: number | null;
                                    customerSignatureName: string | null;
                                    startedAt: string | null;
                                    completedAt: string | null;
                                };
                                cancelledReason: string | null;
                                createdAt: string;
                                mayReport: boolean;
                            }[];
                            units: {
                                /** Format: uuid */
                                unitId: string;
                                serial: string;
                                /** @enum {string} */
                                warrantyOutcome: "legal_guarantee" | "commercial_warranty" | "service_contract" | "none" | "blocked" | "needs_information";
                                contractLevel: string;
                                decision: {
                                    /** @enum {string} */
                                    rule: "direct_service_blocked" | "covered_onsite_contract" | "onsite_not_in_contract" | "out_of_coverage" | "coverage_unknown";
                                    billable: boolean;
                                    allowed: boolean;
                                    needsConsent: boolean;
                                };
                            }[];
                            technicians: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            timeZone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Schedule an on-site visit for one of the ticket's units (the desk): the contract decides, the window lies within the brand's working time, the technician is free */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        unitId: string;
                        /** Format: uuid */
                        technicianId: string;
                        address: string;
                        /**
                         * Format: date-time
                         * @description Start of the time window (ISO 8601 with offset); within the brand's working time
                         */
                        windowStart: string;
                        /**
                         * Format: date-time
                         * @description End of the time window; the whole window must be working time
                         */
                        windowEnd: string;
                        /**
                         * @description The customer agreed to pay for a billable visit (out of coverage, or on-site not in their contract)
                         * @default false
                         */
                        customerAcceptsCharges?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ticketId: string;
                            ticketNumber: string;
                            /** Format: uuid */
                            brandId: string;
                            timeZone: string;
                            unit: {
                                /** Format: uuid */
                                id: string;
                                serial: string;
                                modelName: {
                                    [key: string]: string;
                                };
                            };
                            technician: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            address: string;
                            windowStart: string;
                            windowEnd: string;
                            /** @enum {string} */
                            state: "scheduled" | "in_progress" | "done" | "cancelled";
                            billable: boolean;
                            /** @enum {string} */
                            rule: "direct_service_blocked" | "covered_onsite_contract" | "onsite_not_in_contract" | "out_of_coverage" | "coverage_unknown";
                            customerAcceptsCharges: boolean;
                            report: {
                                workDone: string | null;
                                outcome: ("resolved" | "needs_workshop" | "needs_parts") | null;
                                timeSpentMinutes: number | null;
                                customerSignatureName: string | null;
                                startedAt: string | null;
                                completedAt: string | null;
                            };
                            cancelledReason: string | null;
                            createdAt: string;
                            mayReport: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A technician's own visits (soonest first; the last 30 days and all not done); the desk's by technician */
        get: {
            parameters: {
                query?: {
                    state?: "scheduled" | "in_progress" | "done" | "cancelled";
                    /** @description Admins and agents: one technician's visits; technicians always get their own */
                    technicianId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                ticketId: string;
                                ticketNumber: string;
                                /** Format: uuid */
                                brandId: string;
                                timeZone: string;
                                unit: {
                                    /** Format: uuid */
                                    id: string;
                                    serial: string;
                                    modelName: {
                                        [key: string]: string;
                                    };
                                };
                                technician: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                address: string;
                                windowStart: string;
                                windowEnd: string;
                                /** @enum {string} */
                                state: "scheduled" | "in_progress" | "done" | "cancelled";
                                billable: boolean;
                                /** @enum {string} */
                                rule: "direct_service_blocked" | "covered_onsite_contract" | "onsite_not_in_contract" | "out_of_coverage" | "coverage_unknown";
                                customerAcceptsCharges: boolean;
                                report: {
                                    workDone: string | null;
                                    outcome: ("resolved" | "needs_workshop" | "needs_parts") | null;
                                    timeSpentMinutes: number | null;
                                    customerSignatureName: string | null;
                                    startedAt: string | null;
                                    completedAt: string | null;
                                };
                                cancelledReason: string | null;
                                createdAt: string;
                                mayReport: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One on-site visit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ticketId: string;
                            ticketNumber: string;
                            /** Format: uuid */
                            brandId: string;
                            timeZone: string;
                            unit: {
                                /** Format: uuid */
                                id: string;
                                serial: string;
                                modelName: {
                                    [key: string]: string;
                                };
                            };
                            technician: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            address: string;
                            windowStart: string;
                            windowEnd: string;
                            /** @enum {string} */
                            state: "scheduled" | "in_progress" | "done" | "cancelled";
                            billable: boolean;
                            /** @enum {string} */
                            rule: "direct_service_blocked" | "covered_onsite_contract" | "onsite_not_in_contract" | "out_of_coverage" | "coverage_unknown";
                            customerAcceptsCharges: boolean;
                            report: {
                                workDone: string | null;
                                outcome: ("resolved" | "needs_workshop" | "needs_parts") | null;
                                timeSpentMinutes: number | null;
                                customerSignatureName: string | null;
                                startedAt: string | null;
                                completedAt: string | null;
                            };
                            cancelledReason: string | null;
                            createdAt: string;
                            mayReport: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The technician's report (the technician sent, or an admin): saved as they go; `complete` closes the visit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        workDone?: string;
                        /** @enum {string} */
                        outcome?: "resolved" | "needs_workshop" | "needs_parts";
                        timeSpentMinutes?: number;
                        customerSignatureName?: string;
                        /** @default false */
                        complete?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ticketId: string;
                            ticketNumber: string;
                            /** Format: uuid */
                            brandId: string;
                            timeZone: string;
                            unit: {
                                /** Format: uuid */
                                id: string;
                                serial: string;
                                modelName: {
                                    [key: string]: string;
                                };
                            };
                            technician: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            address: string;
                            windowStart: string;
                            windowEnd: string;
                            /** @enum {string} */
                            state: "scheduled" | "in_progress" | "done" | "cancelled";
                            billable: boolean;
                            /** @enum {string} */
                            rule: "direct_service_blocked" | "covered_onsite_contract" | "onsite_not_in_contract" | "out_of_coverage" | "coverage_unknown";
                            customerAcceptsCharges: boolean;
                            report: {
                                workDone: string | null;
                                outcome: ("resolved" | "needs_workshop" | "needs_parts") | null;
                                timeSpentMinutes: number | null;
                                customerSignatureName: string | null;
                                startedAt: string | null;
                                completedAt: string | null;
                            };
                            cancelledReason: string | null;
                            createdAt: string;
                            mayReport: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call a scheduled visit off, with the reason (the desk) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ticketId: string;
                            ticketNumber: string;
                            /** Format: uuid */
                            brandId: string;
                            timeZone: string;
                            unit: {
                                /** Format: uuid */
                                id: string;
                                serial: string;
                                modelName: {
                                    [key: string]: string;
                                };
                            };
                            technician: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            address: string;
                            windowStart: string;
                            windowEnd: string;
                            /** @enum {string} */
                            state: "scheduled" | "in_progress" | "done" | "cancelled";
                            billable: boolean;
                            /** @enum {string} */
                            rule: "direct_service_blocked" | "covered_onsite_contract" | "onsite_not_in_contract" | "out_of_coverage" | "coverage_unknown";
                            customerAcceptsCharges: boolean;
                            report: {
                                workDone: string | null;
                                outcome: ("resolved" | "needs_workshop" | "needs_parts") | null;
                                timeSpentMinutes: number | null;
                                customerSignatureName: string | null;
                                startedAt: string | null;
                                completedAt: string | null;
                            };
                            cancelledReason: string | null;
                            createdAt: string;
                            mayReport: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A technician's visits as an iCalendar feed (the technician, an admin, or the feed's token) */
        get: {
            parameters: {
                query?: {
                    /** @description The feed token, for calendar apps that carry no session */
                    token?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/technicians/{id}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new subscription address for the technician's calendar (shown once; the previous one stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The subscription address; shown once, a new one revokes it */
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/forms/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A brand's public request form: its fields in every language, and a fresh form token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brand: {
                                slug: string;
                                name: string;
                                /** @enum {string} */
                                defaultLocale: "fr" | "en" | "ro" | "ru" | "sv";
                                locales: ("fr" | "en" | "ro" | "ru" | "sv")[];
                                accentColour: string;
                                logoUrl: string | null;
                            };
                            form: {
                                /** @default false */
                                serialsRequired: boolean;
                                /** @default [] */
                                fields: {
                                    key: string;
                                    /** @enum {string} */
                                    type: "text" | "textarea" | "number" | "select" | "date" | "email" | "phone" | "serials";
                                    /** @default false */
                                    required: boolean;
                                    label: {
                                        [key: string]: string;
                                    };
                                    help?: {
                                        [key: string]: string;
                                    };
                                    options?: {
                                        value: string;
                                        label: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    maxLength?: number;
                                }[];
                            };
                            token: string;
                            minFillSeconds: number;
                            maxFiles: number;
                            maxFileBytes: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/forms/{slug}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a request through the public form, without an account
         * @description multipart/form-data: first the part `payload` (JSON: token, name, email, locale, subject, message, serialNumbers, customFields, and the empty honeypot `website`), then up to five files as parts named `file`. The same form token sent again answers the first ticket.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                            email: string;
                            /** @enum {string} */
                            confirmation: "queued" | "held" | "suppressed";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                            email: string;
                            /** @enum {string} */
                            confirmation: "queued" | "held" | "suppressed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/account-activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the password of an account with its link's token and sign in (a web form's confirmation mail) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/brands/{brandId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A brand's reports over a range of days: backlog, service levels, channels, products, time in status, workload */
        get: {
            parameters: {
                query?: {
                    /** @description First day, YYYY-MM-DD in the brand's time zone (default: 29 days before `to`) */
                    from?: string;
                    /** @description Last day, YYYY-MM-DD in the brand's time zone (default: today) */
                    to?: string;
                    /** @description Only tickets of this group (its current group) */
                    groupId?: string;
                };
                header?: never;
                path: {
                    brandId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brandId: string;
                            timeZone: string;
                            from: string;
                            to: string;
                            groupId: string | null;
                            backlog: {
                                day: string;
                                open: number;
                            }[];
                            sla: {
                                week: string;
                                firstResponseMet: number;
                                firstResponseBreached: number;
                                resolutionMet: number;
                                resolutionBreached: number;
                            }[];
                            channels: {
                                channel: string;
                                tickets: number;
                            }[];
                            products: {
                                modelId: string | null;
                                modelCode: string | null;
                                modelName: string | null;
                                tickets: number;
                            }[];
                            timeInStatus: {
                                status: string;
                                /** @description Stays in the status that ended in the range */
                                stays: number;
                                averageHours: number;
                                medianHours: number;
                            }[];
                            workload: {
                                agentId: string;
                                agentName: string;
                                openTickets: number;
                                handled: number;
                            }[];
                            handled: {
                                week: string;
                                agentId: string;
                                agentName: string;
                                handled: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/brands/{brandId}/charts/{chart}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One chart of a brand's reports, under its own key (the page asks each chart apart) */
        get: {
            parameters: {
                query?: {
                    /** @description First day, YYYY-MM-DD in the brand's time zone (default: 29 days before `to`) */
                    from?: string;
                    /** @description Last day, YYYY-MM-DD in the brand's time zone (default: today) */
                    to?: string;
                    /** @description Only tickets of this group (its current group) */
                    groupId?: string;
                };
                header?: never;
                path: {
                    brandId: string;
                    chart: "backlog" | "sla" | "channels" | "products" | "time-in-status" | "workload" | "handled";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brandId: string;
                            timeZone: string;
                            from: string;
                            to: string;
                            groupId: string | null;
                            /** @enum {string} */
                            chart: "backlog" | "sla" | "channels" | "products" | "time-in-status" | "workload" | "handled";
                            backlog?: {
                                day: string;
                                open: number;
                            }[];
                            sla?: {
                                week: string;
                                firstResponseMet: number;
                                firstResponseBreached: number;
                                resolutionMet: number;
                                resolutionBreached: number;
                            }[];
                            channels?: {
                                channel: string;
                                tickets: number;
                            }[];
                            products?: {
                                modelId: string | null;
                                modelCode: string | null;
                                modelName: string | null;
                                tickets: number;
                            }[];
                            timeInStatus?: {
                                status: string;
                                /** @description Stays in the status that ended in the range */
                                stays: number;
                                averageHours: number;
                                medianHours: number;
                            }[];
                            workload?: {
                                agentId: string;
                                agentName: string;
                                openTickets: number;
                                handled: number;
                            }[];
                            handled?: {
                                week: string;
                                agentId: string;
                                agentName: string;
                                handled: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/brands/{brandId}/csv/{chart}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One chart's data as CSV (ISO dates in the brand's time zone) */
        get: {
            parameters: {
                query?: {
                    /** @description First day, YYYY-MM-DD in the brand's time zone (default: 29 days before `to`) */
                    from?: string;
                    /** @description Last day, YYYY-MM-DD in the brand's time zone (default: today) */
                    to?: string;
                    /** @description Only tickets of this group (its current group) */
                    groupId?: string;
                };
                header?: never;
                path: {
                    brandId: string;
                    chart: "backlog" | "sla" | "channels" | "products" | "time-in-status" | "workload" | "handled";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply one action (assign, status, priority, close, merge, a macro) to several tickets, each under the single-ticket rules
         * @description Answers per ticket; a ticket out of reach is reported as not found. The operation can be undone for 10 minutes, except a merge or a macro that writes a reply.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The selected tickets (at most 100: a page of the queue) */
                        ticketIds: string[];
                        action: {
                            /** @enum {string} */
                            type: "assign";
                            assigneeId: string | null;
                            groupId?: string | null;
                        } | {
                            /** @enum {string} */
                            type: "status";
                            /** @enum {string} */
                            status: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                        } | {
                            /** @enum {string} */
                            type: "priority";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                        } | {
                            /** @enum {string} */
                            type: "close";
                        } | {
                            /** @enum {string} */
                            type: "merge";
                            /** Format: uuid */
                            intoTicketId: string;
                        } | {
                            /** @enum {string} */
                            type: "macro";
                            /** Format: uuid */
                            macroId: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string | null;
                            undoable: boolean;
                            undoableUntil: string | null;
                            results: {
                                ticketId: string;
                                number: string | null;
                                ok: boolean;
                                code: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/bulk/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back a bulk operation: each ticket unchanged since returns to its values before */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                ticketId: string;
                                number: string | null;
                                ok: boolean;
                                code: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/macros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The macros the agent may apply: the brand's shared ones and their own */
        get: {
            parameters: {
                query?: {
                    brandId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                brandId: string;
                                name: string;
                                shared: boolean;
                                editable: boolean;
                                actions: {
                                    /** @enum {string} */
                                    status?: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                                    /** @enum {string} */
                                    priority?: "low" | "normal" | "high" | "urgent";
                                    assigneeId?: string | null;
                                    groupId?: string | null;
                                };
                                reply: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                replyKind: "agent_reply" | "internal_note";
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a macro (shared ones: administrators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        /** @default false */
                        shared?: boolean;
                        /** @default {} */
                        actions?: {
                            /** @enum {string} */
                            status?: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                            /** @enum {string} */
                            priority?: "low" | "normal" | "high" | "urgent";
                            assigneeId?: string | null;
                            groupId?: string | null;
                        };
                        /** @default {} */
                        reply?: {
                            [key: string]: string;
                        };
                        /**
                         * @default agent_reply
                         * @enum {string}
                         */
                        replyKind?: "agent_reply" | "internal_note";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            shared: boolean;
                            editable: boolean;
                            actions: {
                                /** @enum {string} */
                                status?: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                                /** @enum {string} */
                                priority?: "low" | "normal" | "high" | "urgent";
                                assigneeId?: string | null;
                                groupId?: string | null;
                            };
                            reply: {
                                [key: string]: string;
                            };
                            /** @enum {string} */
                            replyKind: "agent_reply" | "internal_note";
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/macros/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a macro */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        brandId: string;
                        name: string;
                        /** @default false */
                        shared?: boolean;
                        /** @default {} */
                        actions?: {
                            /** @enum {string} */
                            status?: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                            /** @enum {string} */
                            priority?: "low" | "normal" | "high" | "urgent";
                            assigneeId?: string | null;
                            groupId?: string | null;
                        };
                        /** @default {} */
                        reply?: {
                            [key: string]: string;
                        };
                        /**
                         * @default agent_reply
                         * @enum {string}
                         */
                        replyKind?: "agent_reply" | "internal_note";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            brandId: string;
                            name: string;
                            shared: boolean;
                            editable: boolean;
                            actions: {
                                /** @enum {string} */
                                status?: "new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed";
                                /** @enum {string} */
                                priority?: "low" | "normal" | "high" | "urgent";
                                assigneeId?: string | null;
                                groupId?: string | null;
                            };
                            reply: {
                                [key: string]: string;
                            };
                            /** @enum {string} */
                            replyKind: "agent_reply" | "internal_note";
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a macro */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The queue views the agent may pick: their own and their groups' shared ones */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                group: {
                                    id: string;
                                    name: string;
                                    brandId: string;
                                } | null;
                                editable: boolean;
                                filters: {
                                    q?: string;
                                    /** Format: uuid */
                                    brandId?: string;
                                    status?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                                    /** Format: uuid */
                                    groupId?: string;
                                    assigneeId?: "me" | "none" | string;
                                    from?: string;
                                    until?: string;
                                };
                                columns: ("number" | "subject" | "requester" | "brand" | "status" | "priority" | "sla" | "assignee" | "created" | "updated")[];
                                /** @enum {string} */
                                sort: "due" | "newest" | "oldest";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save the queue's filters, columns and order as a view, own or shared with a group the agent belongs to */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default null */
                        groupId?: string | null;
                        /** @default {} */
                        filters?: {
                            q?: string;
                            /** Format: uuid */
                            brandId?: string;
                            status?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                            /** Format: uuid */
                            groupId?: string;
                            assigneeId?: "me" | "none" | string;
                            from?: string;
                            until?: string;
                        };
                        columns: ("number" | "subject" | "requester" | "brand" | "status" | "priority" | "sla" | "assignee" | "created" | "updated")[];
                        /**
                         * @default due
                         * @enum {string}
                         */
                        sort?: "due" | "newest" | "oldest";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            group: {
                                id: string;
                                name: string;
                                brandId: string;
                            } | null;
                            editable: boolean;
                            filters: {
                                q?: string;
                                /** Format: uuid */
                                brandId?: string;
                                status?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                                /** Format: uuid */
                                groupId?: string;
                                assigneeId?: "me" | "none" | string;
                                from?: string;
                                until?: string;
                            };
                            columns: ("number" | "subject" | "requester" | "brand" | "status" | "priority" | "sla" | "assignee" | "created" | "updated")[];
                            /** @enum {string} */
                            sort: "due" | "newest" | "oldest";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a saved view (its author, or an administrator for a shared one) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default null */
                        groupId?: string | null;
                        /** @default {} */
                        filters?: {
                            q?: string;
                            /** Format: uuid */
                            brandId?: string;
                            status?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                            /** Format: uuid */
                            groupId?: string;
                            assigneeId?: "me" | "none" | string;
                            from?: string;
                            until?: string;
                        };
                        columns: ("number" | "subject" | "requester" | "brand" | "status" | "priority" | "sla" | "assignee" | "created" | "updated")[];
                        /**
                         * @default due
                         * @enum {string}
                         */
                        sort?: "due" | "newest" | "oldest";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            group: {
                                id: string;
                                name: string;
                                brandId: string;
                            } | null;
                            editable: boolean;
                            filters: {
                                q?: string;
                                /** Format: uuid */
                                brandId?: string;
                                status?: ("new" | "accepted" | "in_progress" | "waiting_customer" | "waiting_parts" | "waiting_third_party" | "resolved" | "closed")[];
                                /** Format: uuid */
                                groupId?: string;
                                assigneeId?: "me" | "none" | string;
                                from?: string;
                                until?: string;
                            };
                            columns: ("number" | "subject" | "requester" | "brand" | "status" | "priority" | "sla" | "assignee" | "created" | "updated")[];
                            /** @enum {string} */
                            sort: "due" | "newest" | "oldest";
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a saved view */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My latest notifications and how many are unread */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                            items: {
                                id: number;
                                /** @enum {string} */
                                kind: "assigned" | "customer_replied" | "mention" | "sla_warning" | "sla_breach";
                                ticket: {
                                    id: string;
                                    number: string;
                                    subject: string;
                                } | null;
                                actorName: string | null;
                                createdAt: string;
                                read: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How I am told of each kind of notification */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                kind: "assigned" | "customer_replied" | "mention" | "sla_warning" | "sla_breach";
                                /** @description true: by e-mail too; false: in the app only */
                                email: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        /** Choose, per kind, in the app only or by e-mail too */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            kind: "assigned" | "customer_replied" | "mention" | "sla_warning" | "sla_breach";
                            /** @description true: by e-mail too; false: in the app only */
                            email: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                kind: "assigned" | "customer_replied" | "mention" | "sla_warning" | "sla_breach";
                                /** @description true: by e-mail too; false: in the app only */
                                email: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unseen-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open tickets with activity I have not seen (unread markers of the queue) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticketIds: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/seen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** I have seen this ticket as it is now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who else is writing a reply on this ticket now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replying: {
                                userId: string;
                                name: string;
                                since: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Heartbeat while I write a reply (every ~10 s; stale after 30 s), or its end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        replying: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replying: {
                                userId: string;
                                name: string;
                                since: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
