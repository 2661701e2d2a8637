<?php

namespace App\Http\Controllers\Admin;

use App\Http\Controllers\Controller;
use App\Http\Requests\Admin\StoreUserRequest;
use App\Http\Requests\Admin\UpdateUserRequest;
use App\Models\User;
use App\Services\Users\UserAccounts;
use Illuminate\Http\Request;

class UserController extends Controller
{
    public function __construct(private UserAccounts $accounts)
    {
    }

    public function index(Request $request)
    {
        $this->authorize('viewAny', User::class);
        $search = trim((string) $request->query('q', ''));
        $role = $request->query('role');
        $users = User::query()
            ->when($search !== '', fn ($q) => $q->where(fn ($q) => $q
                ->whereRaw('lower(email) LIKE ?', ['%'.mb_strtolower(addcslashes($search, '%_\\')).'%'])
                ->orWhereRaw('lower(name) LIKE ?', ['%'.mb_strtolower(addcslashes($search, '%_\\')).'%'])))
            ->when(in_array($role, [User::ROLE_ADMIN, User::ROLE_CUSTOMER], true), fn ($q) => $q->where('role', $role))
            ->orderBy('id')
            ->paginate(20)
            ->withQueryString();

        return view('admin.users.index', ['users' => $users, 'search' => $search, 'role' => $role]);
    }

    public function create()
    {
        $this->authorize('create', User::class);

        return view('admin.users.create', ['user' => new User()]);
    }

    public function store(StoreUserRequest $request)
    {
        $user = $this->accounts->create($request->account(), $request->user(), $request->ip());

        return redirect()->route('admin.users.index')->with('status', "User {$user->email} created.");
    }

    public function edit(User $user)
    {
        $this->authorize('update', $user);

        return view('admin.users.edit', ['user' => $user]);
    }

    public function update(UpdateUserRequest $request, User $user)
    {
        $this->accounts->update($user, $request->changes(), $request->user(), $request->ip());

        return redirect()->route('admin.users.index')->with('status', "User {$user->email} updated.");
    }

    public function destroy(Request $request, User $user)
    {
        $this->authorize('delete', $user);
        $this->accounts->delete($user, $request->user(), $request->ip());

        return redirect()->route('admin.users.index')->with('status', "User {$user->email} deleted.");
    }
}
