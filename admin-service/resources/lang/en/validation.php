<?php

// Validation messages of the admin's forms and commands (the rules the app uses).
return [
    'accepted' => 'The :attribute must be accepted.',
    'after' => 'The :attribute must be a date after :date.',
    'array' => 'The :attribute must be a list.',
    'before' => 'The :attribute must be a date before :date.',
    'boolean' => 'The :attribute must be true or false.',
    'confirmed' => 'The :attribute confirmation does not match.',
    'date' => 'The :attribute is not a valid date.',
    'different' => 'The :attribute and :other must be different.',
    'email' => 'The :attribute must be a valid email address.',
    'exists' => 'The selected :attribute does not exist.',
    'in' => 'The selected :attribute is invalid.',
    'integer' => 'The :attribute must be a whole number.',
    'max' => [
        'array' => 'The :attribute may have at most :max items.',
        'file' => 'The :attribute may be at most :max kilobytes.',
        'numeric' => 'The :attribute may be at most :max.',
        'string' => 'The :attribute may be at most :max characters.',
    ],
    'min' => [
        'array' => 'The :attribute needs at least :min items.',
        'file' => 'The :attribute must be at least :min kilobytes.',
        'numeric' => 'The :attribute must be at least :min.',
        'string' => 'The :attribute must be at least :min characters.',
    ],
    'numeric' => 'The :attribute must be a number.',
    'required' => 'The :attribute field is required.',
    'string' => 'The :attribute must be text.',
    'unique' => 'The :attribute has already been taken.',
    'url' => 'The :attribute must be a valid URL.',

    'attributes' => [
        'is_disabled' => 'account state',
        'expires_at' => 'expiry',
        'scopes.*' => 'scope',
    ],
];
