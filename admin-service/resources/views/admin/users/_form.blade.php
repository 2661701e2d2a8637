{{-- Fields shared by the create and edit forms; $user is the account (new or existing). --}}
@php $editing = $user->exists; @endphp
<div class="grid grid-cols-1 gap-5 sm:grid-cols-2">
    <x-admin.field name="name" label="Name">
        <x-input id="name" name="name" type="text" class="w-full" :value="old('name', $user->name)" required maxlength="120" />
    </x-admin.field>
    <x-admin.field name="email" label="Email">
        <x-input id="email" name="email" type="email" class="w-full" :value="old('email', $user->email)" required maxlength="254" />
    </x-admin.field>
    <x-admin.field name="role" label="Role">
        <select id="role" name="role" class="w-full rounded-md shadow-sm border-gray-300 dark:border-gray-700 dark:bg-gray-900">
            @foreach (['customer', 'admin'] as $r)
                <option value="{{ $r }}" {{ (old('role', $user->role) === $r) ? 'selected' : '' }}>{{ ucfirst($r) }}</option>
            @endforeach
        </select>
    </x-admin.field>
    <x-admin.field name="is_disabled" label="Account">
        <input type="hidden" name="is_disabled" value="0">
        <label class="inline-flex items-center gap-2 text-sm py-2">
            <input type="checkbox" id="is_disabled" name="is_disabled" value="1" class="rounded border-gray-300 dark:border-gray-700 text-red-600"
                   {{ (old('is_disabled', $user->is_disabled)) ? 'checked' : '' }}>
            Disabled (signs the user out everywhere at once)
        </label>
    </x-admin.field>
    <x-admin.field name="password" :label="$editing ? 'New password (leave empty to keep)' : 'Password'" hint="At least 12 characters, not a common password.">
        <x-input id="password" name="password" type="password" class="w-full" autocomplete="new-password" :required="! $editing" />
    </x-admin.field>
    <x-admin.field name="password_confirmation" label="Confirm password">
        <x-input id="password_confirmation" name="password_confirmation" type="password" class="w-full" autocomplete="new-password" :required="! $editing" />
    </x-admin.field>
</div>
